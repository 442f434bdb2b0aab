// shelfsense (the workbench) as a black box: --help and --version answer on stdout with exit 0 and
// open no window; an unknown option is a usage error (exit 1) that opens nothing either.
#include <QtTest>

class TestGuiCommandLine : public QObject {
    Q_OBJECT
private slots:
    void commandLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("pattern");  // on stdout for exit 0, on stderr otherwise
        QTest::addColumn<bool>("display");     // false: no display at all (no X, no offscreen plugin chosen)
        QTest::newRow("--version") << QStringList{"--version"} << 0 << "^shelfsense \\d+\\.\\d+\\.\\d+( \\(git [0-9a-f]+(-dirty)?\\))?\\n$" << true;
        QTest::newRow("-v") << QStringList{"-v"} << 0 << "^shelfsense \\d+\\.\\d+\\.\\d+" << true;
        QTest::newRow("--help") << QStringList{"--help"} << 0 << "^Usage: \\S*shelfsense \\[options\\] project(.|\\n)*--version" << true;
        QTest::newRow("unknown option") << QStringList{"--bogus"} << 1 << "Unknown option 'bogus'" << true;
        QTest::newRow("--version without a display") << QStringList{"--version"} << 0 << "^shelfsense \\d+\\.\\d+\\.\\d+" << false;
        QTest::newRow("--help without a display") << QStringList{"--help"} << 0 << "^Usage: " << false;
    }
    void commandLine() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, pattern);
        QFETCH(bool, display);
        QTemporaryDir home;  // a first start must not happen: nothing may be written there
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", home.path());
        env.insert("XDG_CONFIG_HOME", home.filePath("config"));
        env.insert("XDG_DATA_HOME", home.filePath("data"));
        if (display) {
            env.insert("QT_QPA_PLATFORM", "offscreen");
        } else {
            for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(name);
        }
        env.insert("LANG", "C.UTF-8");
        env.insert("LANGUAGE", "en");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SS_GUI_PATH), args);
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == code, qPrintable(out + err));
        QVERIFY2(QRegularExpression(pattern).match(code == 0 ? out : err).hasMatch(), qPrintable(out + "|" + err));
        QVERIFY2(!QDir(home.filePath("data")).exists(), "the workbench wrote data before parsing its command line");
    }
};

QTEST_APPLESS_MAIN(TestGuiCommandLine)
#include "TestGuiCommandLine.moc"
