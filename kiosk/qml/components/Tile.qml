import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// A large home screen tile: a symbol and a label, the whole tile touchable.
Controls.AbstractButton {
    id: root

    property string symbol: ""
    property color tint: Theme.primary

    implicitWidth: 360
    implicitHeight: 200
    Accessible.name: root.text

    background: Rectangle {
        radius: Theme.radius
        color: root.down ? Qt.darker(root.tint, 1.25) : root.tint
    }

    contentItem: Column {
        spacing: 8

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.symbol
            font.pixelSize: 56
            color: Theme.primaryText
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: root.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.tileTextSize
            font.bold: true
            color: Theme.primaryText
        }
    }
}
