pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// One proposal: what it changes, and the timeline of its steps to the
// outcome.
Controls.Page {
    id: root

    required property string proposal
    readonly property var detail: Kiosk.revision >= 0 ? Kiosk.proposal(root.proposal) : ({})

    title: qsTr("Initiative")

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
            spacing: 10

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
                text: (root.detail.unit ?? "") + " · " + qsTr("Status: %1").arg(root.detail.state ?? "")
            }

            Heading {
                width: parent.width
                text: qsTr("Timeline")
            }

            Repeater {
                model: root.detail.steps ?? []

                delegate: Row {
                    id: step

                    required property var modelData

                    width: column.width
                    spacing: Theme.spacing

                    Rectangle {
                        width: 20
                        height: 20
                        radius: 10
                        y: 8
                        color: Theme.primary
                    }

                    Column {
                        width: step.width - 40

                        BodyText {
                            width: parent.width
                            font.bold: true
                            text: step.modelData.date + " — " + step.modelData.title
                        }

                        BodyText {
                            width: parent.width
                            visible: text.length > 0
                            color: Theme.mutedText
                            text: step.modelData.detail
                            maximumLineCount: 4
                            elide: Text.ElideRight
                        }
                    }
                }
            }

            Heading {
                width: parent.width
                visible: (root.detail.bottleneck ?? "").length > 0
                text: qsTr("The problem")
            }

            BodyText {
                width: parent.width
                text: root.detail.bottleneck ?? ""
            }

            Heading {
                width: parent.width
                visible: (root.detail.solutions ?? "").length > 0
                text: qsTr("The solution")
            }

            BodyText {
                width: parent.width
                text: root.detail.solutions ?? ""
            }

            Heading {
                width: parent.width
                visible: (root.detail.expectedResults ?? "").length > 0
                text: qsTr("Expected results")
            }

            BodyText {
                width: parent.width
                text: root.detail.expectedResults ?? ""
            }
        }
    }
}
