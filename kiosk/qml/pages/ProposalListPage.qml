pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// Public innovation proposals, newest first.
Controls.Page {
    id: root

    title: qsTr("Initiatives")

    background: Rectangle {
        color: Theme.background
    }

    ListView {
        id: list

        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        clip: true
        model: ProposalListModel {
        }

        delegate: Card {
            required property string name
            required property string title
            required property string unit
            required property string state
            required property string submitted

            width: list.width
            overline: state + (submitted.length > 0 ? " · " + qsTr("submitted %1").arg(submitted) : "")
            text: title
            subtitle: unit
            onClicked: root.Controls.StackView.view.push(Qt.resolvedUrl("ProposalDetailPage.qml"), {
                    "proposal": name
                })
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No initiatives yet.")
        }
    }
}
