import QtQuick
import Kiosk

// One item of a list: a title, an optional line above and below, an
// optional badge; touch it to open the item.
Rectangle {
    id: root

    property string text: ""

    property string overline: ""
    property string subtitle: ""
    property string body: ""
    property string badge: ""
    property color badgeColor: Theme.danger
    property string imageSource: ""

    signal clicked

    implicitHeight: Math.max(Theme.touchTarget, content.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: tap.pressed ? Qt.darker(Theme.surface, 1.08) : Theme.surface
    border.color: Theme.border
    border.width: 2
    Accessible.role: Accessible.Button
    Accessible.name: root.text

    TapHandler {
        id: tap

        onTapped: root.clicked()
    }

    Item {
        anchors.fill: parent

        Row {
            id: content

            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing

            Image {
                id: picture

                visible: root.imageSource.length > 0
                source: root.imageSource
                width: visible ? 200 : 0
                height: visible ? 150 : 0
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }

            Column {
                width: content.width - (picture.visible ? picture.width + content.spacing : 0)
                spacing: 6

                Row {
                    spacing: Theme.spacing
                    visible: root.overline.length > 0 || root.badge.length > 0

                    Rectangle {
                        visible: root.badge.length > 0
                        color: root.badgeColor
                        radius: 6
                        width: badgeText.implicitWidth + 20
                        height: badgeText.implicitHeight + 8

                        Text {
                            id: badgeText

                            anchors.centerIn: parent
                            text: root.badge
                            color: Theme.dangerText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                        }
                    }

                    Text {
                        visible: root.overline.length > 0
                        text: root.overline
                        color: Theme.mutedText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                    }
                }

                Text {
                    width: parent.width
                    text: root.text
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                }

                Text {
                    width: parent.width
                    visible: root.subtitle.length > 0
                    text: root.subtitle
                    wrapMode: Text.WordWrap
                    color: Theme.mutedText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                }

                Text {
                    width: parent.width
                    visible: root.body.length > 0
                    text: root.body
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }
}
