#include "VectorHead.h"

#include <algorithm>
#include <cmath>

namespace ss::sentiment {

VectorHead VectorHead::from(const HeadWeights& w) {
    VectorHead head;
    if (w.hiddenSize > 0) {
        head.hidden = rec::DenseMatrix(w.hiddenSize, w.dim);
        head.hidden.data = w.hidden;
        head.hiddenBias = w.hiddenBias;
    }
    head.output = rec::DenseMatrix(w.classes, w.hiddenSize > 0 ? w.hiddenSize : w.dim);
    head.output.data = w.output;
    head.outputBias = w.outputBias;
    return head;
}

std::vector<float> VectorHead::predict(const rec::DenseMatrix& x) const {
    const int n = x.rows;
    rec::DenseMatrix features = x;
    if (!hidden.empty()) {
        features = rec::DenseMatrix(n, hidden.rows);
        if (n > 0) rec::gemmNT(x.data.data(), hidden.data.data(), features.data.data(), n, hidden.rows, hidden.cols);
        for (int r = 0; r < n; ++r)
            for (int j = 0; j < hidden.rows; ++j) features.row(r)[j] = std::max(0.0f, features.row(r)[j] + hiddenBias[static_cast<std::size_t>(j)]);
    }
    std::vector<float> out(static_cast<std::size_t>(n) * static_cast<std::size_t>(output.rows));
    if (n > 0) rec::gemmNT(features.data.data(), output.data.data(), out.data(), n, output.rows, output.cols);
    const int k = output.rows;
    for (int r = 0; r < n; ++r) {
        float* p = out.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(k);
        float top = -INFINITY;
        for (int c = 0; c < k; ++c) top = std::max(top, p[c] += outputBias[static_cast<std::size_t>(c)]);
        float sum = 0;
        for (int c = 0; c < k; ++c) sum += (p[c] = std::exp(p[c] - top));
        for (int c = 0; c < k; ++c) p[c] /= sum;
    }
    return out;
}

void VectorHead::write(rec::ModelState& state) const {
    state.write(hidden);
    state.write(hiddenBias);
    state.write(output);
    state.write(outputBias);
}

bool VectorHead::read(rec::ModelState& state) {
    VectorHead h;
    if (!state.read(h.hidden) || !state.read(h.hiddenBias) || !state.read(h.output) || !state.read(h.outputBias)) return false;
    const bool hiddenOk = h.hidden.empty() ? h.hiddenBias.empty()
                                           : h.hiddenBias.size() == static_cast<std::size_t>(h.hidden.rows) && h.output.cols == h.hidden.rows;
    if (!hiddenOk || h.output.rows < 2 || h.outputBias.size() != static_cast<std::size_t>(h.output.rows)) return false;
    *this = std::move(h);
    return true;
}

}  // namespace ss::sentiment
