import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// One announcement in full.
Controls.Page {
    id: root

    required property string announcement
    readonly property var detail: Kiosk.revision >= 0 ? Kiosk.announcement(root.announcement) : ({})

    title: qsTr("Announcement")

    background: Rectangle {
        color: Theme.background
    }

    Flickable {
        anchors.fill: parent
        anchors.margins: Theme.margin
        contentHeight: column.implicitHeight
        clip: true

        Column {
            id: column

            width: parent.width
            spacing: Theme.spacing

            Text {
                width: parent.width
                wrapMode: Text.WordWrap
                text: root.detail.title ?? ""
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
            }

            BodyText {
                width: parent.width
                color: Theme.mutedText
                text: (root.detail.date ?? "") + ((root.detail.unit ?? "").length > 0 ? " · " + root.detail.unit : "")
            }

            BodyText {
                width: parent.width
                text: root.detail.body ?? ""
            }
        }
    }
}
