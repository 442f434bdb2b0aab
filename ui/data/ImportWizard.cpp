#include "ImportWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "JobRunner.h"
#include "Text.h"
#include "ingest/FilePreview.h"

namespace ss::ui {

class ImportWizard::FilesPage : public QWizardPage {
public:
    explicit FilesPage(ImportWizard& w) : wizard_(w) {
        setTitle(ImportWizard::tr("Choose files"));
        setSubTitle(ImportWizard::tr("Plain, .gz or .zip files (a zip holding one file; for one of several, double-click it and "
                                         "name the member: archive.zip/member.csv); the format is detected from the first file "
                                         "and can be changed."));
        auto* layout = new QVBoxLayout(this);
        w.files_ = new QListWidget(this);
        auto* add = new QPushButton(ImportWizard::tr("Add files…"), this);
        auto* clear = new QPushButton(ImportWizard::tr("Clear"), this);
        auto* buttons = new QHBoxLayout();
        buttons->addWidget(add);
        buttons->addWidget(clear);
        buttons->addStretch();
        layout->addWidget(w.files_);
        layout->addLayout(buttons);
        auto* form = new QFormLayout();
        w.format_ = new QComboBox(this);
        const std::pair<ImportFormat, const char*> formats[] = {
            {ImportFormat::Taobao, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "Taobao UserBehavior (user,item,category,behavior,timestamp)")},
            {ImportFormat::RetailRocket, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "RetailRocket events.csv / item_properties.csv")},
            {ImportFormat::AmazonReviews, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "Amazon reviews (JSON lines)")},
            {ImportFormat::AmazonMeta, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "Amazon product metadata (JSON lines)")},
            {ImportFormat::Transactions, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "Transaction log (customer, date, amount)")},
            {ImportFormat::Csv, QT_TRANSLATE_NOOP("ss::ui::ImportWizard", "CSV with a column mapping")},
        };
        for (auto [f, label] : formats) w.format_->addItem(ImportWizard::tr(label), int(f));
        w.map_ = new QLineEdit(this);
        w.map_->setPlaceholderText(ImportWizard::tr("column=field, … e.g. CustomerID=user, StockCode=item, InvoiceDate=time"));
        w.eventType_ = new QComboBox(this);
        w.eventType_->addItem(ImportWizard::tr("(from a mapped 'type' column)"), QString());
        w.eventType_->addItem(ImportWizard::tr("View"), "view");
        w.eventType_->addItem(ImportWizard::tr("Cart"), "cart");
        w.eventType_->addItem(ImportWizard::tr("Favourite"), "favourite");
        w.eventType_->addItem(ImportWizard::tr("Purchase"), "purchase");
        w.dropOutside_ = new QCheckBox(ImportWizard::tr("Drop rows outside the dataset's documented collection window (otherwise kept and flagged)"), this);
        form->addRow(ImportWizard::tr("Format:"), w.format_);
        form->addRow(ImportWizard::tr("Column mapping (CSV):"), w.map_);
        form->addRow(ImportWizard::tr("Default behaviour (CSV events):"), w.eventType_);
        form->addRow(w.dropOutside_);
        layout->addLayout(form);
        auto updateMapping = [&w] {
            const bool csv = w.format_->currentData().toInt() == int(ImportFormat::Csv);
            w.map_->setEnabled(csv);
            w.eventType_->setEnabled(csv);
        };
        connect(w.format_, &QComboBox::currentIndexChanged, this, updateMapping);
        updateMapping();
        connect(add, &QPushButton::clicked, this, [this] {
            const QStringList chosen = QFileDialog::getOpenFileNames(this, ImportWizard::tr("Choose files to import"));
            if (!chosen.isEmpty()) wizard_.setFiles(currentFiles() + chosen);
        });
        connect(clear, &QPushButton::clicked, this, [this] { wizard_.setFiles({}); });
    }
    bool isComplete() const override { return wizard_.files_->count() > 0; }
    QStringList currentFiles() const {
        QStringList out;
        for (int i = 0; i < wizard_.files_->count(); ++i) out << wizard_.files_->item(i)->text();
        return out;
    }
    void changed() { emit completeChanged(); }

private:
    ImportWizard& wizard_;
};

class ImportWizard::PreviewPage : public QWizardPage {
public:
    explicit PreviewPage(ImportWizard& w) : wizard_(w) {
        setTitle(ImportWizard::tr("Preview"));
        setSubTitle(ImportWizard::tr("The first rows of the first file, split as the importer will read them."));
        auto* layout = new QVBoxLayout(this);
        w.preview_ = new QTableWidget(this);
        w.preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
        layout->addWidget(w.preview_);
    }
    void initializePage() override {
        auto& table = *wizard_.preview_;
        table.clear();
        const auto req = wizard_.request();
        if (req.files.empty()) return;
        auto preview = previewFile(req.files.front(), 20);
        if (!preview) {
            table.setRowCount(1);
            table.setColumnCount(1);
            table.setItem(0, 0, new QTableWidgetItem(qs(preview.error().describe())));
            return;
        }
        std::size_t columns = 1;
        for (const auto& row : preview->rows) columns = std::max(columns, row.size());
        table.setColumnCount(static_cast<int>(columns));
        table.setRowCount(static_cast<int>(preview->rows.size()));
        for (int r = 0; r < table.rowCount(); ++r)
            for (int c = 0; c < static_cast<int>(preview->rows[static_cast<std::size_t>(r)].size()); ++c)
                table.setItem(r, c, new QTableWidgetItem(qs(preview->rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)])));
        table.resizeColumnsToContents();
    }

private:
    ImportWizard& wizard_;
};

class ImportWizard::RunPage : public QWizardPage {
public:
    explicit RunPage(ImportWizard& w) : wizard_(w) {
        setTitle(ImportWizard::tr("Import"));
        setSubTitle(ImportWizard::tr("The import runs in one transaction: if it fails or is cancelled, the project stays as it was."));
        auto* layout = new QVBoxLayout(this);
        w.status_ = new QLabel(this);
        w.status_->setWordWrap(true);
        w.progress_ = new QProgressBar(this);
        w.cancel_ = new QPushButton(ImportWizard::tr("Cancel import"), this);
        w.rejects_ = new QTableWidget(0, 4, this);
        w.rejects_->setHorizontalHeaderLabels({ImportWizard::tr("Line"), ImportWizard::tr("Field"), ImportWizard::tr("Reason"), ImportWizard::tr("Kept")});
        w.rejects_->horizontalHeader()->setStretchLastSection(true);
        w.rejects_->setEditTriggers(QAbstractItemView::NoEditTriggers);
        layout->addWidget(w.status_);
        layout->addWidget(w.progress_);
        layout->addWidget(w.cancel_);
        layout->addWidget(new QLabel(ImportWizard::tr("Rejected and flagged rows:"), this));
        layout->addWidget(w.rejects_, 1);
        connect(w.cancel_, &QPushButton::clicked, this, [&w] {
            w.cancel_->setEnabled(false);
            w.runner_.cancel(w.jobId_);
        });
    }
    void initializePage() override {
        auto& w = wizard_;
        w.finished_ = false;
        w.rejects_->setRowCount(0);
        w.progress_->setRange(0, 0);
        w.cancel_->setEnabled(true);
        w.status_->setText(ImportWizard::tr("Importing…"));
        const ImportRequest request = w.request();
        std::function<Result<ImportSummary>(const JobContext&)> job = [request](const JobContext& ctx) { return Importer::run(request, ctx); };
        connect(&w.runner_, &JobRunner::jobProgress, this, [&w](int id, double fraction, const QString& stage) {
            if (id != w.jobId_) return;
            if (fraction < 0) w.progress_->setRange(0, 0);
            else {
                w.progress_->setRange(0, 1000);
                w.progress_->setValue(int(fraction * 1000));
            }
            w.status_->setText(stage);
        });
        w.jobId_ = w.runner_.start<ImportSummary>(ImportWizard::tr("Importing %n file(s)", nullptr, int(request.files.size())), job, this,
                                                  [this](Result<ImportSummary> r) { show(std::move(r)); });
    }
    bool isComplete() const override { return wizard_.finished_; }

private:
    void show(Result<ImportSummary> r) {
        auto& w = wizard_;
        w.finished_ = true;
        w.cancel_->setEnabled(false);
        w.progress_->setRange(0, 1000);
        w.progress_->setValue(r ? 1000 : 0);
        const QLocale locale;
        if (!r) {
            w.status_->setText(r.error().code == ErrorCode::Cancelled
                                   ? ImportWizard::tr("Cancelled. The project is unchanged.")
                                   : ImportWizard::tr("Import failed; the project is unchanged.\n%1").arg(qs(r.error().describe())));
        } else {
            QString text = ImportWizard::tr("Read %1 rows, imported %2, rejected %3, flagged %4, duplicates %5 in %6 s.")
                               .arg(locale.toString(r->rowsRead), locale.toString(r->rowsImported), locale.toString(r->rowsRejected),
                                    locale.toString(r->rowsFlagged), locale.toString(r->rowsDuplicate), locale.toString(r->seconds, 'f', 1));
            for (const auto& f : r->files)
                if (!f.notes.empty()) text += "\n" + qs(f.path) + ": " + qs(f.notes).trimmed();
            w.status_->setText(text);
            for (const auto& f : r->files) {
                for (const auto& reject : f.rejects) {
                    const int row = w.rejects_->rowCount();
                    w.rejects_->insertRow(row);
                    w.rejects_->setItem(row, 0, new QTableWidgetItem(QString::number(reject.line)));
                    w.rejects_->setItem(row, 1, new QTableWidgetItem(qs(reject.field)));
                    w.rejects_->setItem(row, 2, new QTableWidgetItem(qs(reject.reason)));
                    w.rejects_->setItem(row, 3, new QTableWidgetItem(reject.flaggedOnly ? ImportWizard::tr("yes") : ImportWizard::tr("no")));
                }
            }
        }
        emit completeChanged();
        emit w.importFinished(r.ok());
    }
    ImportWizard& wizard_;
};

ImportWizard::ImportWizard(JobRunner& runner, const QString& projectPath, QWidget* parent)
    : QWizard(parent), runner_(runner), projectPath_(projectPath) {
    setWindowTitle(tr("Import data"));
    addPage(new FilesPage(*this));
    addPage(new PreviewPage(*this));
    addPage(new RunPage(*this));
    setOption(QWizard::NoBackButtonOnLastPage);
    resize(820, 560);
}

void ImportWizard::setFiles(const QStringList& files) {
    files_->clear();
    files_->addItems(files);
    for (int i = 0; i < files_->count(); ++i)  // editable: "data.zip" → "data.zip/events.csv" names one member
        files_->item(i)->setFlags(files_->item(i)->flags() | Qt::ItemIsEditable);
    if (!files.isEmpty())
        if (auto detected = detectImportFormat(utf8(files.front())))
            format_->setCurrentIndex(format_->findData(int(*detected)));
    static_cast<FilesPage*>(page(0))->changed();
}

ImportRequest ImportWizard::request() const {
    ImportRequest r;
    r.project = utf8(projectPath_);
    r.format = static_cast<ImportFormat>(format_->currentData().toInt());
    for (int i = 0; i < files_->count(); ++i) r.files.emplace_back(utf8(files_->item(i)->text()));
    r.options.dropOutsideWindow = dropOutside_->isChecked();
    for (const QString& pair : map_->text().split(',', Qt::SkipEmptyParts)) {
        const auto parts = pair.split('=');
        if (parts.size() == 2) r.options.columnMap.emplace_back(utf8(parts[0].trimmed()), utf8(parts[1].trimmed()));
    }
    if (const QString t = eventType_->currentData().toString(); !t.isEmpty()) r.options.defaultEventType = parseEventType(utf8(t));
    return r;
}

}  // namespace ss::ui
