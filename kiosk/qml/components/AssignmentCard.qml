import QtQuick
import Kiosk

// One of the commune's assignments: late or due soon marked, its task, how
// far it is and the commune's last report.
Card {
    id: root

    required property string taskNumber
    required property string taskTitle
    required property bool lead
    required property string due
    required property bool overdue
    required property bool dueSoon
    required property string timeframe
    required property int progress
    required property string lastReportDate
    required property string lastReportText

    badge: overdue ? qsTr("Late") : dueSoon ? qsTr("Due soon") : ""
    badgeColor: overdue ? Theme.danger : Theme.accent
    overline: taskNumber + " · " + (lead ? qsTr("Leading") : qsTr("Coordinating")) + (due.length > 0 ? " · " + qsTr("next due %1").arg(due) : "")
    text: taskTitle
    subtitle: qsTr("Due: %1").arg(timeframe) + " · " + qsTr("Progress: %1%").arg(progress)
    body: lastReportDate.length > 0 ? qsTr("Last report (%1): %2").arg(lastReportDate).arg(lastReportText) : qsTr("No report yet")
}
