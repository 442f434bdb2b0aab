#include "text/BertTokenizer.h"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "text/Unicode.h"

namespace ss {
namespace {

namespace json = boost::json;

// Reads an optional JSON object file; a missing file is nullopt, a broken one an error naming it.
Result<std::optional<json::object>> readJsonObject(const std::filesystem::path& file) {
    std::error_code fsError;
    if (!std::filesystem::exists(file, fsError)) return std::optional<json::object>{};
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot open the file", file.string());
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    boost::system::error_code ec;
    json::value v = json::parse(data, ec);
    if (ec) return makeError(ErrorCode::InputData, "invalid JSON: " + ec.message(), file.string());
    if (!v.is_object()) return makeError(ErrorCode::InputData, "expected a JSON object", file.string());
    return std::optional<json::object>(std::move(v.as_object()));
}

Error fieldError(const std::filesystem::path& file, std::string_view field, std::string_view expected) {
    return makeError(ErrorCode::InputData, "expected " + std::string(expected),
                     file.filename().string() + ": field '" + std::string(field) + "'");
}

// `key` absent or null leaves `out` unchanged.
Status readBool(const json::object& obj, std::string_view key, bool& out, const std::filesystem::path& file) {
    const json::value* v = obj.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_bool()) return fieldError(file, key, "true or false");
    out = v->as_bool();
    return {};
}

Status readOptionalBool(const json::object& obj, std::string_view key, std::optional<bool>& out,
                        const std::filesystem::path& file) {
    const json::value* v = obj.if_contains(key);
    if (!v) return {};
    if (v->is_null()) {
        out.reset();
        return {};
    }
    if (!v->is_bool()) return fieldError(file, key, "true, false or null");
    out = v->as_bool();
    return {};
}

// A special token is a string or, in newer files, a serialised AddedToken {"content": "...", ...}.
Result<std::optional<std::string>> tokenString(const json::value& v, std::string_view key,
                                               const std::filesystem::path& file) {
    if (v.is_null()) return std::optional<std::string>{};
    if (v.is_string()) return std::optional<std::string>(std::string(v.as_string()));
    if (v.is_object()) {
        const json::value* c = v.as_object().if_contains("content");
        if (c && c->is_string()) return std::optional<std::string>(std::string(c->as_string()));
    }
    return fieldError(file, key, "a token string or an object with \"content\"");
}

Status readToken(const json::object& obj, std::string_view key, std::string& out, const std::filesystem::path& file) {
    const json::value* v = obj.if_contains(key);
    if (!v) return {};
    auto s = tokenString(*v, key, file);
    if (!s) return s.error();
    if (*s) out = **s;
    return {};
}

Status readTokenList(const json::object& obj, std::string_view key, std::vector<std::string>& out,
                     const std::filesystem::path& file) {
    const json::value* v = obj.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_array()) return fieldError(file, key, "a list of tokens");
    out.clear();
    for (const json::value& item : v->as_array()) {
        auto s = tokenString(item, key, file);
        if (!s) return s.error();
        if (*s) out.push_back(**s);
    }
    return {};
}

// A positive integer small enough to be a real length; HF writes 1e30 for "no limit".
std::optional<std::size_t> readLength(const json::object& obj, std::string_view key) {
    const json::value* v = obj.if_contains(key);
    if (!v) return std::nullopt;
    constexpr double kSane = 1e7;
    if (v->is_int64() && v->as_int64() > 0 && v->as_int64() < kSane) return static_cast<std::size_t>(v->as_int64());
    if (v->is_uint64() && v->as_uint64() > 0 && v->as_uint64() < kSane) return static_cast<std::size_t>(v->as_uint64());
    if (v->is_double() && v->as_double() >= 1 && v->as_double() < kSane) return static_cast<std::size_t>(v->as_double());
    return std::nullopt;
}

}  // namespace

class BertTokenizer::PieceSink final : public BasicTokenizer::WordSink {
public:
    PieceSink(const BertTokenizer& self, std::size_t limit, std::vector<Piece>& out)
        : self_(self), limit_(limit), out_(out) {}

    bool word(std::string_view w) override {
        // HF keeps never_split words out of WordPiece even when they only became one after lower-casing.
        if (!self_.neverSplit_.empty()) {
            if (const auto it = self_.neverSplit_.find(w); it != self_.neverSplit_.end()) {
                out_.push_back({self_.tokenToId(*it), *it});
                return out_.size() < limit_;
            }
        }
        self_.wordpiece_.tokenizeWord(w, out_);
        return out_.size() < limit_;
    }

private:
    const BertTokenizer& self_;
    std::size_t limit_;
    std::vector<Piece>& out_;
};

BertTokenizer::BertTokenizer(std::shared_ptr<const Vocabulary> vocab, Config config)
    : vocab_(std::move(vocab)),
      config_(std::move(config)),
      basic_([&] {
          BasicTokenizer::Options o;
          o.lowerCase = config_.lowerCase;
          o.stripAccents = config_.stripAccents;
          o.tokenizeChineseChars = config_.tokenizeChineseChars;
          o.neverSplit = config_.neverSplit;
          // HF passes all special tokens as never_split at call time.
          for (const std::string* t : {&config_.unkToken, &config_.sepToken, &config_.padToken, &config_.clsToken,
                                       &config_.maskToken})
              o.neverSplit.push_back(*t);
          o.neverSplit.insert(o.neverSplit.end(), config_.additionalSpecialTokens.begin(),
                              config_.additionalSpecialTokens.end());
          return o;
      }()),
      wordpiece_(vocab_, config_.unkToken) {
    for (const std::string* t :
         {&config_.unkToken, &config_.sepToken, &config_.padToken, &config_.clsToken, &config_.maskToken}) {
        if (!t->empty() && std::find(specials_.begin(), specials_.end(), *t) == specials_.end())
            specials_.push_back(*t);
    }
    for (const std::string& t : config_.additionalSpecialTokens) {
        if (!t.empty() && std::find(specials_.begin(), specials_.end(), t) == specials_.end()) specials_.push_back(t);
    }
    for (const std::string& t : specials_) specialFirstByte_[static_cast<unsigned char>(t[0])] = true;
    for (const std::string& t : config_.neverSplit) neverSplit_.insert(t);
    unkId_ = vocab_->find(config_.unkToken).value_or(-1);
    padId_ = tokenToId(config_.padToken);
    clsId_ = tokenToId(config_.clsToken);
    sepId_ = tokenToId(config_.sepToken);
    maskId_ = tokenToId(config_.maskToken);
}

Result<BertTokenizer> BertTokenizer::create(Vocabulary vocab, Config config) {
    for (const std::string* t : {&config.unkToken, &config.clsToken, &config.sepToken, &config.padToken}) {
        if (!vocab.find(*t))
            return makeError(ErrorCode::InputData, "the vocabulary has no special token '" + *t + "'", "vocab.txt");
    }
    if (config.maxLength == 0) config.maxLength = 512;
    return BertTokenizer(std::make_shared<const Vocabulary>(std::move(vocab)), std::move(config));
}

Result<BertTokenizer> BertTokenizer::fromModelDir(const std::filesystem::path& dir) {
    auto vocab = Vocabulary::fromFile(dir / "vocab.txt");
    if (!vocab) return vocab.error();

    Config config;
    std::optional<std::size_t> maxLength;
    const auto tokenizerConfigFile = dir / "tokenizer_config.json";
    auto tokenizerConfig = readJsonObject(tokenizerConfigFile);
    if (!tokenizerConfig) return tokenizerConfig.error();
    if (const auto& tc = *tokenizerConfig) {
        const std::filesystem::path& f = tokenizerConfigFile;
        for (Status s : {readBool(*tc, "do_lower_case", config.lowerCase, f),
                         readOptionalBool(*tc, "strip_accents", config.stripAccents, f),
                         readBool(*tc, "tokenize_chinese_chars", config.tokenizeChineseChars, f),
                         readBool(*tc, "do_basic_tokenize", config.basicTokenize, f),
                         readTokenList(*tc, "never_split", config.neverSplit, f),
                         readToken(*tc, "unk_token", config.unkToken, f), readToken(*tc, "sep_token", config.sepToken, f),
                         readToken(*tc, "pad_token", config.padToken, f), readToken(*tc, "cls_token", config.clsToken, f),
                         readToken(*tc, "mask_token", config.maskToken, f),
                         readTokenList(*tc, "additional_special_tokens", config.additionalSpecialTokens, f)}) {
            if (!s) return s.error();
        }
        maxLength = readLength(*tc, "model_max_length");
    }

    // HF lets special_tokens_map.json override the special tokens of tokenizer_config.json.
    const auto specialMapFile = dir / "special_tokens_map.json";
    auto specialMap = readJsonObject(specialMapFile);
    if (!specialMap) return specialMap.error();
    if (const auto& sm = *specialMap) {
        const std::filesystem::path& f = specialMapFile;
        for (Status s : {readToken(*sm, "unk_token", config.unkToken, f), readToken(*sm, "sep_token", config.sepToken, f),
                         readToken(*sm, "pad_token", config.padToken, f), readToken(*sm, "cls_token", config.clsToken, f),
                         readToken(*sm, "mask_token", config.maskToken, f),
                         readTokenList(*sm, "additional_special_tokens", config.additionalSpecialTokens, f)}) {
            if (!s) return s.error();
        }
    }

    auto sentenceConfig = readJsonObject(dir / "sentence_bert_config.json");
    if (!sentenceConfig) return sentenceConfig.error();
    if (const auto& sc = *sentenceConfig) {
        if (auto n = readLength(*sc, "max_seq_length")) maxLength = n;
    }
    auto modelConfig = readJsonObject(dir / "config.json");
    if (!modelConfig) return modelConfig.error();
    std::optional<std::size_t> positions;
    if (const auto& mc = *modelConfig) positions = readLength(*mc, "max_position_embeddings");
    if (maxLength && positions) maxLength = std::min(*maxLength, *positions);
    config.maxLength = maxLength ? *maxLength : positions.value_or(512);

    auto tokenizer = create(std::move(*vocab), std::move(config));
    if (!tokenizer) {
        Error e = tokenizer.error();
        e.context = (dir / "vocab.txt").string();
        return e;
    }
    return tokenizer;
}

std::int32_t BertTokenizer::tokenToId(std::string_view token) const { return vocab_->find(token).value_or(unkId_); }

std::size_t BertTokenizer::matchSpecial(std::string_view utf8, std::size_t pos, std::size_t& index) const {
    if (!specialFirstByte_[static_cast<unsigned char>(utf8[pos])]) return 0;
    std::size_t best = 0;
    for (std::size_t i = 0; i < specials_.size(); ++i) {
        const std::string& t = specials_[i];
        if (t.size() > best && utf8.compare(pos, t.size(), t) == 0) {
            best = t.size();
            index = i;
        }
    }
    return best;
}

void BertTokenizer::piecesOfChunk(std::string_view chunk, std::size_t limit, std::vector<Piece>& out) const {
    if (chunk.empty() || out.size() >= limit) return;
    if (config_.basicTokenize) {
        PieceSink sink(*this, limit, out);
        basic_.tokenize(chunk, sink);
        return;
    }
    // do_basic_tokenize=false: WordPiece straight on Python-whitespace-separated words.
    std::size_t pos = 0, wordStart = 0;
    bool inWord = false;
    while (pos < chunk.size() && out.size() < limit) {
        const std::size_t here = pos;
        if (unicode::isPythonSpace(unicode::nextCodePoint(chunk, pos))) {
            if (inWord) wordpiece_.tokenizeWord(chunk.substr(wordStart, here - wordStart), out);
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            wordStart = here;
        }
    }
    if (inWord && out.size() < limit) wordpiece_.tokenizeWord(chunk.substr(wordStart), out);
}

void BertTokenizer::pieces(std::string_view utf8, std::size_t limit, std::vector<Piece>& out) const {
    // HF splits special tokens out of the raw text first (byte matching is exact on UTF-8), then tokenizes
    // the chunks between them independently.
    std::size_t chunkStart = 0;
    for (std::size_t pos = 0; pos < utf8.size() && out.size() < limit;) {
        std::size_t index = 0;
        const std::size_t len = matchSpecial(utf8, pos, index);
        if (len == 0) {
            ++pos;
            continue;
        }
        piecesOfChunk(utf8.substr(chunkStart, pos - chunkStart), limit, out);
        if (out.size() >= limit) return;
        out.push_back({tokenToId(specials_[index]), specials_[index]});
        pos += len;
        chunkStart = pos;
    }
    if (chunkStart < utf8.size()) piecesOfChunk(utf8.substr(chunkStart), limit, out);
}

std::size_t BertTokenizer::budget(std::size_t maxLength) const {
    const std::size_t total = maxLength == 0 ? config_.maxLength : maxLength;
    return total > 2 ? total - 2 : 0;
}

TokenizedText BertTokenizer::encode(std::string_view utf8, std::size_t maxLength) const {
    const std::size_t limit = budget(maxLength);
    std::vector<Piece> ps;
    if (limit > 0) pieces(utf8, limit, ps);
    if (ps.size() > limit) ps.resize(limit);
    TokenizedText out;
    out.tokens.reserve(ps.size() + 2);
    out.ids.reserve(ps.size() + 2);
    out.tokens.push_back(config_.clsToken);
    out.ids.push_back(clsId_);
    for (const Piece& p : ps) {
        out.tokens.emplace_back(p.text);
        out.ids.push_back(p.id);
    }
    out.tokens.push_back(config_.sepToken);
    out.ids.push_back(sepId_);
    return out;
}

void BertTokenizer::encodeIds(std::string_view utf8, std::size_t maxLength, std::vector<std::int32_t>& ids) const {
    thread_local std::vector<Piece> ps;  // reused: bulk encoding calls this millions of times
    ps.clear();
    const std::size_t limit = budget(maxLength);
    if (limit > 0) pieces(utf8, limit, ps);
    if (ps.size() > limit) ps.resize(limit);
    ids.clear();
    ids.reserve(ps.size() + 2);
    ids.push_back(clsId_);
    for (const Piece& p : ps) ids.push_back(p.id);
    ids.push_back(sepId_);
}

std::vector<std::int32_t> BertTokenizer::encodeIds(std::string_view utf8, std::size_t maxLength) const {
    std::vector<std::int32_t> ids;
    encodeIds(utf8, maxLength, ids);
    return ids;
}

std::vector<std::string> BertTokenizer::tokenize(std::string_view utf8) const {
    std::vector<Piece> ps;
    pieces(utf8, SIZE_MAX, ps);
    std::vector<std::string> out;
    out.reserve(ps.size());
    for (const Piece& p : ps) out.emplace_back(p.text);
    return out;
}

}  // namespace ss
