pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// One plan: the documents it rests on, its sections, and its tasks with
// who leads, who coordinates and when, as the plan words it.
Controls.Page {
    id: root

    required property string plan
    readonly property var detail: Kiosk.revision >= 0 ? Kiosk.plan(root.plan) : ({})

    title: (root.detail.symbol ?? "") || qsTr("Plan")

    background: Rectangle {
        color: Theme.background
    }

    Flickable {
        id: flick

        anchors.fill: parent
        anchors.margins: Theme.margin
        contentHeight: column.implicitHeight
        clip: true

        Column {
            id: column

            width: flick.width
            spacing: 8

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
                text: [root.detail.issuer ?? "", root.detail.date ? qsTr("issued %1").arg(root.detail.date) : ""].filter(part => part.length > 0).join(" · ")
            }

            Heading {
                width: parent.width
                visible: (root.detail.basis ?? []).length > 0
                text: qsTr("Based on")
            }

            Repeater {
                model: root.detail.basis ?? []

                delegate: BodyText {
                    required property var modelData

                    width: column.width
                    text: "• " + modelData.symbol + (modelData.date ? " (" + modelData.date + ")" : "") + (modelData.title ? ": " + modelData.title : "")
                }
            }

            Heading {
                width: parent.width
                visible: (root.detail.sections ?? []).length > 0
                text: qsTr("Sections")
            }

            Repeater {
                model: root.detail.sections ?? []

                delegate: BodyText {
                    required property var modelData

                    width: column.width
                    leftPadding: Math.max(0, modelData.level - 1) * 24
                    // A numbered paragraph without a heading shows the start of its text.
                    text: modelData.number + " " + (modelData.heading || modelData.body)
                    font.bold: modelData.heading.length > 0 && modelData.level <= 1
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
            }

            Heading {
                width: parent.width
                text: qsTr("Tasks")
            }

            Repeater {
                model: TaskListModel {
                    plan: root.plan
                }

                delegate: Card {
                    required property string number
                    required property string title
                    required property string leads
                    required property string coordinators
                    required property string timeframe
                    required property string status

                    width: column.width
                    overline: number + (status.length > 0 ? " · " + status : "")
                    text: title
                    subtitle: qsTr("Lead: %1").arg(leads.length > 0 ? leads : "—") + (coordinators.length > 0 ? "\n" + qsTr("Coordinating: %1").arg(coordinators) : "")
                    body: timeframe.length > 0 ? qsTr("Due: %1").arg(timeframe) : ""
                }
            }
        }
    }
}
