import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// A progress report on one task, for this commune, filed as the signed-in
// staff member. The on-screen keyboard types Vietnamese.
Controls.Page {
    id: root

    required property string task
    required property string taskNumber
    required property string taskTitle
    property int progress: 0
    property alias reportText: field.text
    property bool sent: false

    objectName: "report"
    title: qsTr("Progress report")

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: Staff

        function onReportFiled() {
            root.sent = true;
            back.start();
        }
    }

    Timer {
        id: back

        interval: 2000
        onTriggered: root.Controls.StackView.view.pop()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Heading {
            Layout.fillWidth: true
            text: root.taskNumber + ". " + root.taskTitle
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            BodyText {
                text: qsTr("Progress: %1%").arg(percent.value)
                font.bold: true
                Layout.preferredWidth: 300
            }

            Controls.Slider {
                id: percent

                objectName: "progressSlider"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                from: 0
                to: 100
                stepSize: 5
                snapMode: Controls.Slider.SnapAlways
                value: root.progress

                // A handle a finger can hold (the default is far too small).
                handle: Rectangle {
                    x: percent.leftPadding + percent.visualPosition * (percent.availableWidth - width)
                    y: percent.topPadding + (percent.availableHeight - height) / 2
                    implicitWidth: 72
                    implicitHeight: 72
                    radius: 36
                    color: percent.pressed ? Qt.darker(Theme.primary, 1.3) : Theme.primary
                    border.color: Theme.surface
                    border.width: 4
                }

                background: Rectangle {
                    x: percent.leftPadding
                    y: percent.topPadding + (percent.availableHeight - height) / 2
                    width: percent.availableWidth
                    height: 14
                    radius: 7
                    color: Theme.border

                    Rectangle {
                        width: percent.visualPosition * parent.width
                        height: parent.height
                        radius: 7
                        color: Theme.primary
                    }
                }
            }
        }

        Controls.TextArea {
            id: field

            objectName: "reportText"
            Layout.fillWidth: true
            Layout.fillHeight: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("What was done, and what is left")
            enabled: !root.sent

            background: Rectangle {
                color: Theme.surface
                border.color: field.activeFocus ? Theme.primary : Theme.border
                border.width: 2
                radius: Theme.radius
            }
        }

        BodyText {
            Layout.fillWidth: true
            visible: Staff.error.length > 0 || root.sent
            text: root.sent ? qsTr("Report sent. Thank you.") : Staff.error
            color: root.sent ? Theme.success : Theme.danger
            font.bold: true
        }

        KioskButton {
            objectName: "sendReportButton"
            Layout.alignment: Qt.AlignRight
            text: Staff.busy ? qsTr("Sending…") : qsTr("Send report")
            enabled: !Staff.busy && !root.sent && field.text.trim().length > 0 && Kiosk.online
            onClicked: Staff.fileReport(root.task, Kiosk.commune, percent.value, field.text)
        }
    }
}
