import QtQuick
import QtQuick.Layouts
import Kiosk

// One of the commune's assignments in staff mode: its card and a button to
// file a progress report on its task.
RowLayout {
    id: root

    required property string task
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

    signal report

    spacing: Theme.spacing

    AssignmentCard {
        Layout.fillWidth: true
        taskNumber: root.taskNumber
        taskTitle: root.taskTitle
        lead: root.lead
        due: root.due
        overdue: root.overdue
        dueSoon: root.dueSoon
        timeframe: root.timeframe
        progress: root.progress
        lastReportDate: root.lastReportDate
        lastReportText: root.lastReportText
    }

    KioskButton {
        Layout.alignment: Qt.AlignVCenter
        text: qsTr("Report progress")
        onClicked: root.report()
    }
}
