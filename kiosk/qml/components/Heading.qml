import QtQuick
import Kiosk

// A section heading inside a page.
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.primary
    topPadding: Theme.spacing
}
