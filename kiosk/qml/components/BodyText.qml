import QtQuick
import Kiosk

// Running text at the body size.
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    color: Theme.text
    lineHeight: 1.15
}
