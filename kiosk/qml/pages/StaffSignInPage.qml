pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// Staff sign-in: touch your name, then type the six-digit PIN the district
// issued you. Signing in needs the server; everything else works offline.
Controls.Page {
    id: root

    // The staff member chosen; empty while the list shows.
    property string account: ""
    property string accountName: ""
    // Digits already typed (the tour shows the pad part-filled).
    property string presetPin: ""

    objectName: account.length > 0 ? "staffPin" : "staffSignIn"
    title: qsTr("Staff sign-in")
    Component.onCompleted: {
        Staff.clearError();
        Staff.loadStaff();
        pad.pin = root.presetPin;
        if (root.presetPin.length === 6)
            Staff.signIn(root.account, root.presetPin);
    }

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: Staff

        function onSignedInChanged() {
            // Only the page on top moves on; one on its way out stays put.
            if (Staff.signedIn && (root.Controls.StackView.status === Controls.StackView.Active || root.Controls.StackView.status === Controls.StackView.Activating))
                root.Controls.StackView.view.replace(root, Qt.resolvedUrl("StaffPage.qml"));
        }

        function onSignInFailed() {
            pad.clear();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        BodyText {
            Layout.fillWidth: true
            visible: !Kiosk.online
            objectName: "staffOffline"
            text: qsTr("Signing in needs a connection to the server. The information on this kiosk can still be read.")
            color: Theme.danger
        }

        Heading {
            Layout.fillWidth: true
            text: root.account.length > 0 ? qsTr("PIN of %1").arg(root.accountName) : qsTr("Touch your name")
        }

        BodyText {
            Layout.fillWidth: true
            objectName: "staffError"
            visible: Staff.error.length > 0
            text: Staff.error
            color: Theme.danger
            font.bold: true
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.account.length === 0
            spacing: Theme.spacing
            clip: true
            model: Staff.staff

            delegate: Card {
                required property var modelData

                width: list.width
                text: modelData.name
                subtitle: modelData.position
                badge: modelData.lockedUntil.length > 0 ? qsTr("Locked until %1").arg(modelData.lockedUntil) : ""
                onClicked: {
                    Staff.clearError();
                    root.accountName = modelData.name;
                    root.account = modelData.account;
                }
            }

            BodyText {
                anchors.centerIn: parent
                width: list.width
                horizontalAlignment: Text.AlignHCenter
                visible: list.count === 0 && Kiosk.online && !Staff.busy
                text: qsTr("No staff of this commune has a kiosk PIN yet. Ask the district's Home Affairs office for one.")
            }
        }

        PinPad {
            id: pad

            Layout.alignment: Qt.AlignHCenter
            Layout.fillHeight: true
            visible: root.account.length > 0
            busy: Staff.busy
            onSubmitted: pin => Staff.signIn(root.account, pin)
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.account.length > 0

            BodyText {
                Layout.fillWidth: true
                text: Staff.busy ? qsTr("Checking the PIN…") : qsTr("Forgot your PIN? A new one can be issued from your account or by the district.")
                color: Theme.mutedText
            }

            KioskButton {
                text: qsTr("Someone else")
                tint: Theme.mutedText
                onClicked: {
                    Staff.clearError();
                    pad.clear();
                    root.account = "";
                }
            }
        }
    }
}
