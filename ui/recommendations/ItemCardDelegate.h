// ItemCardDelegate: draws an item as a small card in a narrow column — the title in bold, a grey
// line of facts (category, price, id), and an optional italic note (an explanation such as "because
// you bought …", or a review) — so lists stay readable side by side. Any model can feed it through
// the roles below on the column it is set for. GUI thread only.
#pragma once

#include <QStyledItemDelegate>

#include <optional>

namespace ss::ui {

class ItemCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum Role {
        SubtitleRole = Qt::UserRole + 100,  // QString: the grey line
        NoteRole,                           // QString: the italic line (empty: none)
        NoteMutedRole,                      // bool: draw the note in light grey (e.g. a fallback)
    };
    using QStyledItemDelegate::QStyledItemDelegate;
    // The grey line every item card shows: category · price · id.
    static QString facts(const QString& category, const std::optional<double>& price, const QString& externalId);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace ss::ui
