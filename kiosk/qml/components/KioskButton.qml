import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// A button at least one touch target high, with readable text.
Controls.Button {
    id: root

    property color tint: Theme.primary

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + 48)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize

    background: Rectangle {
        radius: Theme.radius
        color: !root.enabled ? Theme.border : root.down || root.checked ? Qt.darker(root.tint, 1.3) : root.tint
    }

    contentItem: Text {
        text: root.text
        font: root.font
        color: Theme.primaryText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
