pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// What this commune has to do: late items first and clearly marked, then
// by due date; each with its task and the commune's last report.
Controls.Page {
    id: root

    title: Kiosk.communeName.length > 0 ? qsTr("Tasks of %1").arg(Kiosk.communeName) : qsTr("Commune tasks")

    background: Rectangle {
        color: Theme.background
    }

    ListView {
        id: list

        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        clip: true
        model: AssignmentListModel {
        }

        delegate: Card {
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

            width: list.width
            badge: overdue ? qsTr("Late") : dueSoon ? qsTr("Due soon") : ""
            badgeColor: overdue ? Theme.danger : Theme.accent
            overline: taskNumber + " · " + (lead ? qsTr("Leading") : qsTr("Coordinating")) + (due.length > 0 ? " · " + qsTr("next due %1").arg(due) : "")
            text: taskTitle
            subtitle: qsTr("Due: %1").arg(timeframe) + " · " + qsTr("Progress: %1%").arg(progress)
            body: lastReportDate.length > 0 ? qsTr("Last report (%1): %2").arg(lastReportDate).arg(lastReportText) : qsTr("No report yet")
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No tasks for this commune yet.")
        }
    }
}
