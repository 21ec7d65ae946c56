pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// Model practices worth copying, featured ones first.
Controls.Page {
    id: root

    title: qsTr("Model practices")

    background: Rectangle {
        color: Theme.background
    }

    ListView {
        id: list

        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        clip: true
        model: CaseStudyListModel {
        }

        delegate: Card {
            required property string name
            required property string title
            required property string unit
            required property string summary
            required property string image
            required property bool featured

            width: list.width
            badge: featured ? qsTr("Featured") : ""
            badgeColor: Theme.accent
            overline: unit
            text: title
            body: summary
            imageSource: image
            onClicked: root.Controls.StackView.view.push(Qt.resolvedUrl("CaseStudyDetailPage.qml"), {
                    "caseStudy": name
                })
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No model practices yet.")
        }
    }
}
