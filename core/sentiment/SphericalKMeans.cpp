#include "SphericalKMeans.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace ss::sentiment {
namespace {

void normalise(std::vector<float>& v) {
    double n = 0;
    for (float x : v) n += static_cast<double>(x) * x;
    if (n <= 0) return;
    const float inv = static_cast<float>(1.0 / std::sqrt(n));
    for (auto& x : v) x *= inv;
}

void addRow(const rec::CsrMatrix& rows, int r, std::vector<float>& into) {
    const auto idx = rows.rowIndices(r);
    const auto val = rows.rowValues(r);
    for (std::size_t q = 0; q < idx.size(); ++q) into[static_cast<std::size_t>(idx[q])] += val[q];
}

// Sparse · sparse (both rows sorted by column).
float rowsDot(const rec::CsrMatrix& rows, int a, int b) {
    const auto ia = rows.rowIndices(a), ib = rows.rowIndices(b);
    const auto va = rows.rowValues(a), vb = rows.rowValues(b);
    float s = 0;
    std::size_t p = 0, q = 0;
    while (p < ia.size() && q < ib.size()) {
        if (ia[p] == ib[q]) s += va[p++] * vb[q++];
        else if (ia[p] < ib[q]) ++p;
        else ++q;
    }
    return s;
}

}  // namespace

float rowDot(const rec::CsrMatrix& rows, int r, const std::vector<float>& dense) {
    const auto idx = rows.rowIndices(r);
    const auto val = rows.rowValues(r);
    float s = 0;
    for (std::size_t q = 0; q < idx.size(); ++q) s += val[q] * dense[static_cast<std::size_t>(idx[q])];
    return s;
}

rec::CsrMatrix unitRows(const rec::DenseMatrix& vectors) {
    rec::CsrMatrix m;
    m.rows = vectors.rows;
    m.cols = vectors.cols;
    for (int r = 0; r < vectors.rows; ++r) {
        std::vector<float> row(vectors.row(r), vectors.row(r) + vectors.cols);
        normalise(row);
        for (int c = 0; c < vectors.cols; ++c) {
            m.indices.push_back(c);
            m.values.push_back(row[static_cast<std::size_t>(c)]);
        }
        m.indptr.push_back(static_cast<std::int64_t>(m.indices.size()));
    }
    return m;
}

namespace {

Clustering oneRun(const rec::CsrMatrix& rows, int k, std::uint64_t seed, int maxRounds) {
    Clustering out;
    const int n = rows.rows;
    k = std::clamp(k, 1, std::max(1, n));
    out.k = k;
    out.assignment.assign(static_cast<std::size_t>(n), 0);
    const auto columns = static_cast<std::size_t>(rows.cols);
    std::mt19937_64 random(seed);
    // k-means++: each next centre drawn with probability proportional to its distance (1 − cosine)
    // to the nearest centre so far.
    std::vector<int> chosen{static_cast<int>(std::uniform_int_distribution<int>(0, std::max(0, n - 1))(random))};
    std::vector<float> nearest(static_cast<std::size_t>(n), 2.0f);
    while (static_cast<int>(chosen.size()) < k) {
        double total = 0;
        for (int r = 0; r < n; ++r) {
            nearest[static_cast<std::size_t>(r)] = std::min(nearest[static_cast<std::size_t>(r)], std::max(0.0f, 1.0f - rowsDot(rows, r, chosen.back())));
            total += nearest[static_cast<std::size_t>(r)];
        }
        if (total <= 0) break;  // every row already sits on a centre
        double pick = std::uniform_real_distribution<double>(0, total)(random);
        int next = n - 1;
        for (int r = 0; r < n; ++r) {
            pick -= nearest[static_cast<std::size_t>(r)];
            if (pick <= 0) {
                next = r;
                break;
            }
        }
        chosen.push_back(next);
    }
    out.k = k = static_cast<int>(chosen.size());
    out.centres.assign(static_cast<std::size_t>(k), std::vector<float>(columns, 0.0f));
    for (int c = 0; c < k; ++c) addRow(rows, chosen[static_cast<std::size_t>(c)], out.centres[static_cast<std::size_t>(c)]);
    for (int round = 0; round < maxRounds; ++round) {
        bool changed = round == 0;
        for (int r = 0; r < n; ++r) {
            int best = 0;
            float bestSimilarity = -2;
            for (int c = 0; c < k; ++c) {
                const float s = rowDot(rows, r, out.centres[static_cast<std::size_t>(c)]);
                if (s > bestSimilarity) bestSimilarity = s, best = c;
            }
            if (out.assignment[static_cast<std::size_t>(r)] != best) changed = true;
            out.assignment[static_cast<std::size_t>(r)] = best;
        }
        if (!changed) break;
        for (auto& centre : out.centres) std::fill(centre.begin(), centre.end(), 0.0f);
        for (int r = 0; r < n; ++r) addRow(rows, r, out.centres[static_cast<std::size_t>(out.assignment[static_cast<std::size_t>(r)])]);
        for (auto& centre : out.centres) normalise(centre);
    }
    out.cohesion = 0;
    for (int r = 0; r < n; ++r) out.cohesion += rowDot(rows, r, out.centres[static_cast<std::size_t>(out.assignment[static_cast<std::size_t>(r)])]);
    return out;
}

}  // namespace

Clustering sphericalKMeans(const rec::CsrMatrix& rows, int k, std::uint64_t seed, int restarts, int maxRounds) {
    Clustering best;
    for (int run = 0; run < std::max(1, restarts); ++run) {
        auto c = oneRun(rows, k, seed + static_cast<std::uint64_t>(run) * 0x9E3779B97F4A7C15ULL, maxRounds);
        if (run == 0 || c.cohesion > best.cohesion) best = std::move(c);
    }
    return best;
}

double meanSilhouette(const rec::CsrMatrix& rows, const std::vector<int>& assignment, int k, std::uint64_t seed, std::size_t sampleSize) {
    if (k < 2) return 0;
    std::vector<int> sample(static_cast<std::size_t>(rows.rows));
    std::iota(sample.begin(), sample.end(), 0);
    if (sample.size() > sampleSize) {
        std::mt19937_64 random(seed);
        std::shuffle(sample.begin(), sample.end(), random);
        sample.resize(sampleSize);
    }
    double total = 0;
    std::size_t counted = 0;
    std::vector<double> distance(static_cast<std::size_t>(k));
    std::vector<std::size_t> members(static_cast<std::size_t>(k));
    for (int a : sample) {
        std::fill(distance.begin(), distance.end(), 0.0);
        std::fill(members.begin(), members.end(), 0);
        for (int b : sample) {
            if (a == b) continue;
            const auto g = static_cast<std::size_t>(assignment[static_cast<std::size_t>(b)]);
            distance[g] += 1.0 - rowsDot(rows, a, b);
            ++members[g];
        }
        const auto own = static_cast<std::size_t>(assignment[static_cast<std::size_t>(a)]);
        if (members[own] == 0) {  // alone in its group: silhouette 0 (scikit-learn's convention)
            ++counted;
            continue;
        }
        const double inside = distance[own] / static_cast<double>(members[own]);
        double outside = 1e300;
        for (std::size_t g = 0; g < distance.size(); ++g)
            if (g != own && members[g] > 0) outside = std::min(outside, distance[g] / static_cast<double>(members[g]));
        if (outside == 1e300) continue;
        total += (outside - inside) / std::max(inside, outside);
        ++counted;
    }
    return counted ? total / static_cast<double>(counted) : 0;
}

}  // namespace ss::sentiment
