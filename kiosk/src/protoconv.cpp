#include "protoconv.h"

#include <QCoreApplication>

#include "format.h"
#include "google/type/date.pb.h"
#include "sangkien/v1/proposal.pb.h"
#include "sangkien/v1/task.pb.h"

QDateTime toDateTime(const google::protobuf::Timestamp &t)
{
    if (t.seconds() == 0 && t.nanos() == 0) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(t.seconds() * 1000 + t.nanos() / 1000000, Qt::UTC);
}

QDate toDate(const google::type::Date &d)
{
    if (d.year() == 0) {
        return {};
    }
    return QDate(d.year(), d.month() ? d.month() : 1, d.day() ? d.day() : 1);
}

QString dateText(const google::type::Date &d)
{
    if (d.year() == 0) {
        return {};
    }
    return Format::date(d.year(), d.month(), d.day());
}

QString timeframeText(const sangkien::v1::Timeframe &t)
{
    if (!t.display_text().empty()) {
        return qs(t.display_text());
    }
    return qs(t.original_text());
}

QString proposalStateText(int state)
{
    using P = sangkien::v1::ProposalState;
    switch (state) {
    case P::PROPOSAL_STATE_DRAFT:
        return QCoreApplication::translate("Proposal", "Draft");
    case P::PROPOSAL_STATE_SUBMITTED:
        return QCoreApplication::translate("Proposal", "Submitted");
    case P::PROPOSAL_STATE_UNDER_APPRAISAL:
        return QCoreApplication::translate("Proposal", "Under appraisal");
    case P::PROPOSAL_STATE_APPROVED:
        return QCoreApplication::translate("Proposal", "Approved");
    case P::PROPOSAL_STATE_REJECTED:
        return QCoreApplication::translate("Proposal", "Rejected");
    case P::PROPOSAL_STATE_RETURNED:
        return QCoreApplication::translate("Proposal", "Returned for changes");
    case P::PROPOSAL_STATE_PILOTING:
        return QCoreApplication::translate("Proposal", "Piloting");
    case P::PROPOSAL_STATE_PILOT_COMPLETED:
        return QCoreApplication::translate("Proposal", "Pilot completed");
    case P::PROPOSAL_STATE_EVALUATED:
        return QCoreApplication::translate("Proposal", "Evaluated");
    case P::PROPOSAL_STATE_CLOSED:
        return QCoreApplication::translate("Proposal", "Closed");
    case P::PROPOSAL_STATE_HALTED:
        return QCoreApplication::translate("Proposal", "Halted");
    case P::PROPOSAL_STATE_WITHDRAWN:
        return QCoreApplication::translate("Proposal", "Withdrawn");
    case P::PROPOSAL_STATE_REPLICATED:
        return QCoreApplication::translate("Proposal", "Replicated");
    default:
        return {};
    }
}

QString taskStatusText(int status)
{
    using S = sangkien::v1::TaskStatus;
    switch (status) {
    case S::TASK_STATUS_NOT_STARTED:
        return QCoreApplication::translate("Task", "Not started");
    case S::TASK_STATUS_IN_PROGRESS:
        return QCoreApplication::translate("Task", "In progress");
    case S::TASK_STATUS_COMPLETED:
        return QCoreApplication::translate("Task", "Completed");
    case S::TASK_STATUS_ONGOING:
        return QCoreApplication::translate("Task", "Ongoing");
    case S::TASK_STATUS_WAITING:
        return QCoreApplication::translate("Task", "Waiting");
    case S::TASK_STATUS_CANCELLED:
        return QCoreApplication::translate("Task", "Cancelled");
    default:
        return {};
    }
}
