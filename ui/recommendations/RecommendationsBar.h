// RecommendationsBar: the Recommendations screen's top row — whom the lists are for (AudienceChoice),
// the customer id with completion, up to three models side by side and the list length. It holds the
// controls and their defaults (the default comparison, personalised models first); the screen
// connects to them. GUI thread only.
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ss::ui {

class AudienceChoice;

class RecommendationsBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSlots = 3;
    explicit RecommendationsBar(QWidget* parent = nullptr);

    AudienceChoice* audience() const { return audience_; }
    QLineEdit* customerEdit() const { return customerEdit_; }
    QPushButton* showButton() const { return show_; }
    QComboBox* modelBox(int slot) const { return modelBoxes_[slot]; }
    QSpinBox* topK() const { return k_; }

    QString model(int slot) const;  // the slot's recommender; empty for "(none)"
    QStringList models() const;     // the chosen ones in slot order, empty slots left out
    // Chooses the slots' models without signals (names beyond the slots are ignored; missing: none).
    void setModels(const QStringList& names);
    void setCustomers(const QStringList& externalIds);  // what the id field completes

private:
    AudienceChoice* audience_;
    QLineEdit* customerEdit_;
    QPushButton* show_;
    QComboBox* modelBoxes_[kSlots];
    QSpinBox* k_;
};

}  // namespace ss::ui
