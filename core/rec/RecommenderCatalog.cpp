#include "rec/RecommenderCatalog.h"

#include <cstdio>

namespace ss::rec {

const std::vector<RecommenderInfo>& recommenderCatalog() {
    static const std::vector<RecommenderInfo> all = {
        {"popularity", "Popularity", "Popularity", "The most interacted-with items, the same for everyone; the baseline to beat.",
         false, false, false, false, true,
         {{"popularity.window_days", "none", "Count only the last N days before the cut-off (none: all of the training time)."}}},
        {"itemknn", "Item-kNN", "Item-kNN", "Items bought or viewed by the same customers (cosine over co-occurrence).", false, false, true,
         false, true,
         {{"itemknn.neighbours", "100", "Most similar items kept per item."},
          {"itemknn.shrink", "10", "Shrinks the similarity of items with few customers in common towards zero."},
          {"itemknn.device", "auto", "Where similarities are computed: auto (a CUDA GPU when present), cpu or cuda."}}},
        {"als", "ALS (matrix factorisation)", "ALS",
         "Implicit matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008).", false, false, true, false,
         true,
         {{"als.factors", "64", "Length of the customer and item factor vectors."},
          {"als.iterations", "15", "Alternating passes over customers and items."},
          {"als.cg_steps", "3", "Conjugate-gradient steps per row and pass (the cg solver)."},
          {"als.regularization", "0.01", "L2 penalty on the factors."},
          {"als.alpha", "1", "Confidence growth: confidence = 1 + alpha × interaction weight."},
          {"als.solver", "cg", "cg (conjugate gradient, fast) or cholesky (exact solves)."},
          {"als.device", "auto", "Where it trains: auto (a CUDA GPU when present), cpu or cuda."}}},
        {"als_imported", "ALS (imported factors)", "ALS (imported)",
         "Customer and item factors trained on a cluster (cluster/als.py on Spark MLlib) and imported with import-results; "
         "served and explained like ALS.",
         false, false, true, false, false, {}, true},
        {"content", "Content (BERT)", "Content",
         "Items whose product text is closest in meaning to what the customer interacted with (sentence encoder).", true, false, true,
         false, false, {{"content.half_life_days", "30", "Older interactions count half as much every this many days (0: no decay)."}}},
        {"content_words", "Content (words)", "Content (words)",
         "Items that share the most telling words with what the customer interacted with (TF-IDF; Chinese by character n-grams); "
         "no sentence encoder needed.",
         false, true, true, false, false,
         {{"content_words.half_life_days", "30", "Older interactions count half as much every this many days (0: no decay)."},
          {"content_words.min_items", "2", "A word counts only when at least this many items use it."},
          {"content_words.max_item_share", "0.5", "Words used by a larger share of the items are ignored, like stop words."}}},
        {"twotower", "Two-tower (BERT)", "Two-tower",
         "A neural two-tower model over the items' text embeddings, trained on the interactions (LibTorch).", true, false, true, true,
         false,
         {{"twotower.dim", "64", "Length of the user and item embeddings (scored as their dot product)."},
          {"twotower.hidden", "256", "Width of each tower's hidden layer."},
          {"twotower.negatives", "4", "Items sampled as negatives per positive (sigmoid + binary cross-entropy)."},
          {"twotower.negative_pool", "512",
           "Each training step draws this many negatives, and every positive's negatives are picked from them (0: drawn apart for each positive): the item tower then runs over fewer rows."},
          {"twotower.batch_size", "512", "Positives per training step."},
          {"twotower.epochs", "20", "Most passes over the training interactions."},
          {"twotower.patience", "2", "Epochs without a better validation result before training stops (the best weights are kept); by the ranking, one clearly worse epoch stops it."},
          {"twotower.early_stopping", "auto",
           "What picks the best epoch: ranking (NDCG@10 of held-out customers' later items over the whole catalogue), loss (the validation loss) or auto (ranking when epochs are samples of a big shop's examples, else loss)."},
          {"twotower.history", "50", "Most recent items of a customer the user tower reads."},
          {"twotower.examples_per_epoch", "2000000",
           "Training examples drawn afresh for each epoch (0: every one); validation uses a fixed tenth as many."},
          {"twotower.learning_rate", "0.001", "Adam's step size."},
          {"twotower.weight_decay", "0.0001", "L2 penalty on the weights."},
          {"twotower.validation_fraction", "0.1", "Share of training customers held out to choose the best epoch."},
          {"twotower.popularity_negatives", "0", "Share of negatives drawn by popularity rather than uniformly."},
          {"twotower.attention", "false", "The user tower weighs history items by attention instead of averaging them."},
          {"twotower.shared_tower", "false", "The user tower pools the item tower's outputs of the history items."},
          {"twotower.id_embedding", "false", "Adds a learned embedding per item id to its text (no help for new items)."},
          {"twotower.device", "auto", "Where it trains: auto (a CUDA GPU when present), cpu or cuda."}}},
        {"hybrid", "Hybrid", "Hybrid", "A weighted blend of two recommenders' standardised scores (by default ALS and content).", false, false,
         true, false, false,
         {{"hybrid.a", "als", "The first recommender blended."},
          {"hybrid.b", "content", "The second recommender blended."},
          {"hybrid.weight", "0.5", "Weight of the first recommender's standardised scores (the second gets the rest)."}}},
    };
    return all;
}

const RecommenderInfo* findRecommender(std::string_view name) {
    for (const auto& info : recommenderCatalog())
        if (name == info.name) return &info;
    return nullptr;
}

std::vector<std::string> defaultComparison() {
    std::vector<std::string> out;
    for (const auto& info : recommenderCatalog())
        if (info.inDefaultComparison) out.emplace_back(info.name);
    return out;
}

std::string recommenderNames() {
    std::string out;
    for (const auto& info : recommenderCatalog()) out += (out.empty() ? "" : ", ") + std::string(info.name);
    return out;
}

std::string describeRecommenders() {
    std::string out = "recommenders (--param NAME=VALUE sets a parameter; defaults in brackets):\n";
    for (const auto& info : recommenderCatalog()) {
        out += "  " + std::string(info.name) + ": " + info.label + ". " + info.description;
        if (info.needsItemVectors) out += " Needs item text vectors (a sentence encoder).";
        if (info.name == std::string_view("hybrid")) out += " Needs item text vectors when one of its parts does.";
        out += "\n";
        for (const auto& p : info.parameters) {
            char line[512];
            std::snprintf(line, sizeof line, "      %-34s %s [%s]\n", p.key, p.help, p.defaultValue);
            out += line;
        }
    }
    return out;
}

}  // namespace ss::rec
