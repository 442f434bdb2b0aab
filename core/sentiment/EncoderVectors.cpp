#include "EncoderVectors.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#include <unordered_map>

#include "common/JobStages.h"
#include "embed/EncodeJob.h"
#include "embed/TextEncoder.h"
#include "store/EmbeddingStore.h"
#include "store/Project.h"
#include "text/BertTokenizer.h"

namespace ss::sentiment {
namespace {

rec::DenseMatrix matrixOf(const std::vector<std::vector<float>>& rows) {
    rec::DenseMatrix m(static_cast<int>(rows.size()), rows.empty() ? 0 : static_cast<int>(rows.front().size()));
    for (std::size_t r = 0; r < rows.size(); ++r) std::copy(rows[r].begin(), rows[r].end(), m.row(static_cast<int>(r)));
    return m;
}

// Unknown-token rate with the model's own tokenizer: word pieces of at most 2,000 texts spread over
// the list (what the encoder sees, truncated as it truncates).
std::function<double(const std::vector<std::string>&)> unknownRateOf(std::shared_ptr<BertTokenizer> words) {
    return [words](const std::vector<std::string>& texts) {
        const std::size_t step = std::max<std::size_t>(1, texts.size() / 2000);
        std::int64_t pieces = 0, unknown = 0;
        std::vector<std::int32_t> ids;
        for (std::size_t i = 0; i < texts.size(); i += step) {
            words->encodeIds(texts[i], 0, ids);
            for (std::size_t j = 1; j + 1 < ids.size(); ++j) {  // without [CLS] and [SEP]
                ++pieces;
                if (ids[j] == words->unkId()) ++unknown;
            }
        }
        return pieces ? static_cast<double>(unknown) / static_cast<double>(pieces) : std::numeric_limits<double>::quiet_NaN();
    };
}

std::function<Result<rec::DenseMatrix>(const std::vector<std::string>&)> directTexts(std::shared_ptr<TextEncoder> encoder) {
    return [encoder](const std::vector<std::string>& texts) -> Result<rec::DenseMatrix> {
        auto vectors = encoder->encode(texts);
        if (!vectors) return vectors.error();
        return matrixOf(*vectors);
    };
}

}  // namespace

Result<VectorSources> encoderVectorSources(const std::filesystem::path& project, const std::filesystem::path& modelDir,
                                           const EncoderOptions& options) {
    auto loaded = TextEncoder::load(modelDir, options);
    if (!loaded) return loaded.error();
    auto tokenizer = BertTokenizer::fromModelDir(modelDir);
    if (!tokenizer) return tokenizer.error();
    auto encoder = std::make_shared<TextEncoder>(std::move(*loaded));
    auto words = std::make_shared<BertTokenizer>(std::move(*tokenizer));
    VectorSources sources;
    sources.encoder = encoder->fingerprint();
    sources.encoderName = encoder->info().name;
    sources.encoderLayers = static_cast<int>(encoder->info().layers);
    sources.reviews = [encoder, project](const std::vector<std::int64_t>& ids, const std::vector<std::string>&,
                                         const JobContext& context) -> Result<rec::DenseMatrix> {
        auto summary = EncodeJob::run(project, *encoder, EncodeTarget::Reviews, context);
        if (!summary) return summary.error();
        auto p = Project::open(project, Database::Mode::ReadOnly);
        if (!p) return p.error();
        EmbeddingStore store((*p)->db(), summary->model, EncodeJob::targetName(EncodeTarget::Reviews));
        auto all = store.loadAll();
        if (!all) return all.error();
        std::unordered_map<std::int64_t, std::size_t> row;
        for (std::size_t i = 0; i < all->ids.size(); ++i) row.emplace(all->ids[i], i);
        rec::DenseMatrix m(static_cast<int>(ids.size()), static_cast<int>(all->dim));
        for (std::size_t i = 0; i < ids.size(); ++i) {
            auto it = row.find(ids[i]);
            if (it == row.end()) return makeError(ErrorCode::Internal, "review " + std::to_string(ids[i]) + " has no vector after encoding");
            std::copy_n(all->values.begin() + static_cast<std::ptrdiff_t>(it->second * all->dim), all->dim, m.row(static_cast<int>(i)));
        }
        return m;
    };
    sources.texts = directTexts(encoder);
    sources.unknownTokenRate = unknownRateOf(words);
    sources.fineTune = [encoder](const FineTuneTexts& data, const JobContext& context) -> Result<FineTuneResult> {
        FineTuneData ids;
        ids.trainIds = encoder->tokenIds(data.train, data.settings.maxTokens);
        ids.validationIds = encoder->tokenIds(data.validation, data.settings.maxTokens);
        ids.trainLabels = data.trainLabels;
        ids.validationLabels = data.validationLabels;
        ids.classes = data.classes;
        ids.classWeights = data.classWeights;
        ids.headWeights = data.headWeights;
        ids.headBias = data.headBias;
        const int epochs = data.settings.maxEpochs;
        return encoder->fineTune(ids, data.settings, [&context, epochs](int epoch, int step, int steps, double loss) {
            context.report(JobProgress{(double(epoch - 1) + double(step) / double(std::max(1, steps))) / double(std::max(1, epochs)),
                                       stages::kFineTuningEncoder,
                                       {},
                                       {{stages::kValueEpoch, double(epoch)}, {stages::kValueLoss, loss}}});
            return !context.cancelled();
        });
    };
    // A second encoder instance carries the tuned layers, so the base vectors stay as they are.
    sources.tuned = [modelDir, options, words](const std::vector<std::byte>& tunedLayers) -> Result<VectorSources> {
        auto tunedLoaded = TextEncoder::load(modelDir, options);
        if (!tunedLoaded) return tunedLoaded.error();
        SS_TRY(tunedLoaded->applyTunedLayers(tunedLayers));
        auto tunedEncoder = std::make_shared<TextEncoder>(std::move(*tunedLoaded));
        VectorSources tuned;
        tuned.encoder = tunedEncoder->fingerprint();
        tuned.encoderName = tunedEncoder->info().name + " (fine-tuned)";
        tuned.encoderLayers = static_cast<int>(tunedEncoder->info().layers);
        tuned.cached = false;
        tuned.reviews = [tunedEncoder](const std::vector<std::int64_t>&, const std::vector<std::string>& texts,
                                       const JobContext& context) -> Result<rec::DenseMatrix> {
            auto vectors = tunedEncoder->encode(texts, &context);
            if (!vectors) return vectors.error();
            return matrixOf(*vectors);
        };
        tuned.texts = directTexts(tunedEncoder);
        tuned.unknownTokenRate = unknownRateOf(words);
        return tuned;
    };
    return sources;
}

}  // namespace ss::sentiment
