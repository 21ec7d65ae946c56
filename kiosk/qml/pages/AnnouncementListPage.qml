pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// Short news, newest first.
Controls.Page {
    id: root

    title: qsTr("Announcements")

    background: Rectangle {
        color: Theme.background
    }

    ListView {
        id: list

        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        clip: true
        model: AnnouncementListModel {
        }

        delegate: Card {
            required property string name
            required property string title
            required property string unit
            required property string date

            width: list.width
            overline: date + (unit.length > 0 ? " · " + unit : "")
            text: title
            onClicked: root.Controls.StackView.view.push(Qt.resolvedUrl("AnnouncementDetailPage.qml"), {
                    "announcement": name
                })
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No announcements yet.")
        }
    }
}
