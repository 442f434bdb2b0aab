// SampleVocabulary: the bilingual (English / 简体中文) words the sample shop is written with —
// categories with their product nouns, adjectives and price ranges, brands, and review phrases by
// tone. Constant data: any thread.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace ss::sample {

struct Word {
    std::string_view en, zh;
};

struct CategoryVocabulary {
    Word name;
    std::span<const Word> nouns;        // product kinds; a sub-theme a user may prefer
    std::span<const Word> adjectives;   // words that fit the category
    std::span<const Word> features;     // description phrases
    double minPrice, maxPrice;
};

std::span<const CategoryVocabulary> categories();
std::span<const Word> brands();
// Review sentences by star rating (index 0 = 1 star .. 4 = 5 stars); "{}" is replaced by the noun.
std::span<const Word> reviewPhrases(int stars);
std::span<const Word> reviewTitles(int stars);

}  // namespace ss::sample
