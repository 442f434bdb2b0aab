#include <QDomDocument>
#include <QFile>
#include <QtTest>

// The zh_CN catalogue must translate every message the sources contain (lupdate keeps the .ts in
// step with the sources; this test keeps it complete).
class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void zhCnComplete() {
        QFile file(QStringLiteral(SS_SOURCE_DIR "/translations/shelfsense_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&file));
        const auto messages = doc.elementsByTagName("message");
        QVERIFY(messages.size() > 100);
        QStringList missing;
        for (int i = 0; i < messages.size(); ++i) {
            const auto m = messages.at(i).toElement();
            const auto translation = m.firstChildElement("translation");
            const QString type = translation.attribute("type");
            QString text = translation.text();
            if (type == "unfinished" || type == "vanished" || type == "obsolete" || text.trimmed().isEmpty())
                missing << m.firstChildElement("source").text();
        }
        QVERIFY2(missing.isEmpty(), qPrintable("untranslated: " + missing.join(" | ")));
    }
};

QTEST_APPLESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
