// RecommendationsBar: the Recommendations screen's top row — whom the lists are for (AudienceChoice),
// the customer id with completion (CustomerSearch: any part of an id, the first 500 matches listed
// and all of them counted beside the field), up to three models side by side and the list length. It holds the
// controls and their defaults (the default comparison, personalised models first); the screen
// connects to them. GUI thread only.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QStringListModel;
class QPushButton;
class QSpinBox;

namespace ss::ui {

class AudienceChoice;
class CustomerSearch;

class RecommendationsBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSlots = 3;
    static constexpr std::size_t kListedMatches = 500;  // a longer list is not read; the count says there are more
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
    void setCustomers(std::shared_ptr<const CustomerSearch> customers);  // what the id field completes
    const CustomerSearch* customers() const { return customers_.get(); }
    QLabel* matchCount() const { return matchCount_; }
    std::size_t matchTotal() const { return matchTotal_; }  // customers holding what is typed, listed or not

private:
    void findCustomers(const QString& text);  // the completer's list for what is typed

    std::shared_ptr<const CustomerSearch> customers_;
    QStringListModel* matches_;
    QLabel* matchCount_;
    std::size_t matchTotal_ = 0;
    AudienceChoice* audience_;
    QLineEdit* customerEdit_;
    QPushButton* show_;
    QComboBox* modelBoxes_[kSlots];
    QSpinBox* k_;
};

}  // namespace ss::ui
