pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// One case study, readable from a step away, with its pictures.
Controls.Page {
    id: root

    required property string caseStudy
    readonly property var detail: Kiosk.revision >= 0 ? Kiosk.caseStudy(root.caseStudy) : ({})

    title: qsTr("Model practice")

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
                text: (root.detail.unit ?? "") + ((root.detail.date ?? "").length > 0 ? " · " + root.detail.date : "")
            }

            BodyText {
                width: parent.width
                font.italic: true
                text: root.detail.summary ?? ""
            }

            Repeater {
                model: root.detail.images ?? []

                delegate: Column {
                    id: picture

                    required property var modelData

                    width: column.width
                    spacing: 6

                    Image {
                        width: Math.min(parent.width, 960)
                        height: width * 9 / 16
                        fillMode: Image.PreserveAspectFit
                        source: picture.modelData.source
                    }

                    BodyText {
                        width: parent.width
                        color: Theme.mutedText
                        text: picture.modelData.caption
                    }
                }
            }

            BodyText {
                width: parent.width
                text: root.detail.body ?? ""
            }

            Heading {
                width: parent.width
                visible: (root.detail.results ?? "").length > 0
                text: qsTr("Results")
            }

            BodyText {
                width: parent.width
                text: root.detail.results ?? ""
            }
        }
    }
}
