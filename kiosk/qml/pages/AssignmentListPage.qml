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

        delegate: AssignmentCard {
            width: list.width
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No tasks for this commune yet.")
        }
    }
}
