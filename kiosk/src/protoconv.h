// Small conversions from generated protobuf types to Qt values.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <string>

namespace google::protobuf
{
class Timestamp;
}
namespace google::type
{
class Date;
}
namespace sangkien::v1
{
class Timeframe;
}

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
QDateTime toDateTime(const google::protobuf::Timestamp &t); // invalid when unset
QDate toDate(const google::type::Date &d); // invalid when unset
QString dateText(const google::type::Date &d); // "dd/MM/yyyy" or ""
QString timeframeText(const sangkien::v1::Timeframe &t); // as people write it
QString proposalStateText(int state);
QString taskStatusText(int status);
