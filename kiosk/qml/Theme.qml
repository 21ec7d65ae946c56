pragma Singleton
import QtQuick

// Colours, sizes and fonts for a 1080p touchscreen read at arm's length.
// Text colours on their backgrounds meet WCAG AA (4.5:1 and more).
QtObject {
    // #1a1a1a on #f7f5f0: 16:1. White on #0b5394: 8:1. White on #a61c00: 7:1.
    readonly property color background: "#f7f5f0"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1a1a1a"
    readonly property color mutedText: "#4a4a4a"
    readonly property color primary: "#0b5394"
    readonly property color primaryText: "#ffffff"
    readonly property color accent: "#7a4100"
    readonly property color danger: "#a61c00"
    readonly property color dangerText: "#ffffff"
    readonly property color warning: "#fff1c2"
    readonly property color warningText: "#3d2c00"
    readonly property color border: "#c9c4b8"
    readonly property color success: "#1e6b2f"

    readonly property string fontFamily: "Noto Sans"
    readonly property int bodySize: 26
    readonly property int smallSize: 24
    readonly property int titleSize: 34
    readonly property int headingSize: 44
    readonly property int tileTextSize: 32

    // 15 mm on a 21.5" 1080p panel (about 4 px per mm) is 60 px; keep a margin.
    readonly property int touchTarget: 88
    readonly property int spacing: 20
    readonly property int margin: 32
    readonly property int radius: 12
}
