pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// Six dots and a large keypad. The PIN is sent as soon as the sixth digit
// is touched; the digits themselves are never shown.
ColumnLayout {
    id: root

    property string pin: ""
    property bool busy: false

    signal submitted(string pin)

    function clear() {
        pin = "";
    }

    function press(key: string) {
        if (root.busy)
            return;
        if (key === "clear") {
            root.pin = "";
        } else if (key === "back") {
            root.pin = root.pin.slice(0, -1);
        } else if (root.pin.length < 6) {
            root.pin += key;
            if (root.pin.length === 6)
                root.submitted(root.pin);
        }
    }

    spacing: Theme.spacing

    Row {
        objectName: "pinDots"
        Layout.alignment: Qt.AlignHCenter
        spacing: 24
        Accessible.name: qsTr("%1 of 6 digits entered").arg(root.pin.length)

        Repeater {
            model: 6

            Rectangle {
                required property int index

                width: 36
                height: 36
                radius: 18
                border.color: Theme.primary
                border.width: 3
                color: index < root.pin.length ? Theme.primary : "transparent"
            }
        }
    }

    GridLayout {
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: 16
        columnSpacing: 16

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]

            KioskButton {
                required property string modelData

                objectName: "pinKey_" + modelData
                implicitWidth: 150
                implicitHeight: 104
                font.pixelSize: modelData.length === 1 ? Theme.headingSize : Theme.bodySize
                text: modelData === "clear" ? qsTr("Clear") : modelData === "back" ? "⌫" : modelData
                tint: modelData.length === 1 ? Theme.primary : Theme.mutedText
                enabled: !root.busy
                Accessible.name: modelData === "back" ? qsTr("Delete the last digit") : text
                onClicked: root.press(modelData)
            }
        }
    }
}
