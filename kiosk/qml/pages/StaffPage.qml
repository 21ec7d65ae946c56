pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// Signed in: the commune's assignments, each with a button to report on it.
// "Sign out", home and the idle timeout all end the session.
Controls.Page {
    id: root

    objectName: "staff"
    title: qsTr("Staff: %1").arg(Staff.staffName)

    function openReport(index: int, text: string) {
        const card = list.itemAtIndex(index) as StaffAssignmentRow;
        if (!card)
            return;
        root.Controls.StackView.view.push(Qt.resolvedUrl("ReportFormPage.qml"), {
                "task": card.task,
                "taskNumber": card.taskNumber,
                "taskTitle": card.taskTitle,
                "progress": card.progress,
                "reportText": text ?? ""
            });
    }

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: Staff

        function onSignedInChanged() {
            // Ended elsewhere (expired on the server): back to the start.
            if (!Staff.signedIn && root.Controls.StackView.view)
                root.Controls.StackView.view.pop(null);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            BodyText {
                Layout.fillWidth: true
                text: qsTr("Signed in as %1. The session ends after %2 seconds without a touch.").arg(Staff.staffName).arg(Kiosk.idleSeconds)
                color: Theme.mutedText
            }

            KioskButton {
                objectName: "signOutButton"
                text: qsTr("Sign out")
                tint: Theme.danger
                onClicked: {
                    Staff.signOut();
                    root.Controls.StackView.view.pop(null);
                }
            }
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            clip: true
            model: AssignmentListModel {
            }

            delegate: StaffAssignmentRow {
                required property int index

                width: list.width
                onReport: root.openReport(index, "")
            }

            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No tasks for this commune yet.")
            }
        }
    }
}
