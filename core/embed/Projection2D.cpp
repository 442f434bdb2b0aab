#include "Projection2D.h"

#include <cmath>

namespace ss {

Projection2D projectPca2D(const std::vector<float>& rows, std::size_t dim) {
    Projection2D out;
    if (dim == 0) return out;
    const std::size_t n = rows.size() / dim;
    out.points.resize(n);
    if (n < 2) return out;
    std::vector<double> mean(dim, 0.0);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < dim; ++c) mean[c] += rows[r * dim + c];
    for (double& m : mean) m /= double(n);
    std::vector<double> cov(dim * dim, 0.0);
    std::vector<double> centred(dim);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < dim; ++c) centred[c] = rows[r * dim + c] - mean[c];
        for (std::size_t i = 0; i < dim; ++i) {
            const double ci = centred[i];
            double* row = cov.data() + i * dim;
            for (std::size_t j = i; j < dim; ++j) row[j] += ci * centred[j];
        }
    }
    double trace = 0;
    for (std::size_t i = 0; i < dim; ++i) {
        for (std::size_t j = 0; j < i; ++j) cov[i * dim + j] = cov[j * dim + i];
        trace += cov[i * dim + i];
    }
    std::vector<std::vector<double>> components;
    for (int component = 0; component < 2; ++component) {
        std::vector<double> v(dim), next(dim);
        for (std::size_t i = 0; i < dim; ++i) v[i] = 1.0 + 0.01 * double(i % 7);  // fixed start: deterministic
        double eigenvalue = 0;
        for (int iteration = 0; iteration < 300; ++iteration) {
            for (std::size_t i = 0; i < dim; ++i) {
                double s = 0;
                for (std::size_t j = 0; j < dim; ++j) s += cov[i * dim + j] * v[j];
                next[i] = s;
            }
            for (const auto& prev : components) {  // deflate: stay orthogonal to earlier components
                double d = 0;
                for (std::size_t i = 0; i < dim; ++i) d += next[i] * prev[i];
                for (std::size_t i = 0; i < dim; ++i) next[i] -= d * prev[i];
            }
            double norm = 0;
            for (double x : next) norm += x * x;
            norm = std::sqrt(norm);
            if (norm == 0) break;
            double change = 0;
            for (std::size_t i = 0; i < dim; ++i) {
                const double x = next[i] / norm;
                change += std::abs(x - v[i]);
                v[i] = x;
            }
            eigenvalue = norm;
            if (change < 1e-10) break;
        }
        // Sign convention: the largest-magnitude coordinate is positive (stable across runs).
        std::size_t big = 0;
        for (std::size_t i = 1; i < dim; ++i)
            if (std::abs(v[i]) > std::abs(v[big])) big = i;
        if (v[big] < 0)
            for (double& x : v) x = -x;
        out.explained[component] = trace > 0 ? eigenvalue / trace : 0;
        components.push_back(v);
    }
    for (std::size_t r = 0; r < n; ++r) {
        double a = 0, b = 0;
        for (std::size_t c = 0; c < dim; ++c) {
            const double x = rows[r * dim + c] - mean[c];
            a += x * components[0][c];
            b += x * components[1][c];
        }
        out.points[r] = {float(a), float(b)};
    }
    return out;
}

}  // namespace ss
