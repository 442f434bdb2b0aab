// TextTerms: the terms a review's text is counted by, for English, Chinese and mixed text alike.
// Latin-script (and any other space-separated) words give lower-cased word unigrams and bigrams;
// runs of other characters (CJK ideographs, kana, hangul, punctuation, emoji) give character 1- to
// 3-grams, because Chinese is written without spaces and a word split would need a dictionary.
// Stateless; any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss::sentiment {

struct TermOptions {
    bool wordBigrams = true;
    int maxCharGram = 3;
};

// Terms of `text` in order of appearance (a term repeats as often as it occurs).
std::vector<std::string> textTerms(std::string_view text, const TermOptions& options = {});
// Character bigrams only of the runs that textTerms reads by characters, plus the words themselves:
// the labels of complaint topics, which read better than single characters.
std::vector<std::string> labelTerms(std::string_view text);

}  // namespace ss::sentiment
