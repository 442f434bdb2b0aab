#include "Lbfgs.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace ss::sentiment {
namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

double maxAbs(const std::vector<double>& a) {
    double m = 0;
    for (double v : a) m = std::max(m, std::abs(v));
    return m;
}

}  // namespace

LbfgsResult minimizeLbfgs(std::vector<double>& x, const std::function<double(const std::vector<double>&, std::vector<double>&)>& objective,
                          const LbfgsOptions& options, const std::function<bool()>& stop) {
    const std::size_t n = x.size();
    std::vector<double> g(n), direction(n), xNew(n), gNew(n);
    double f = objective(x, g);
    struct Pair { std::vector<double> s, y; double rho; };
    std::deque<Pair> history;
    LbfgsResult result;
    std::vector<double> alpha;
    for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
        if (maxAbs(g) <= options.gradientTolerance * std::max(1.0, maxAbs(x))) {
            result.converged = true;
            break;
        }
        if (stop && stop()) break;
        // Two-loop recursion: direction = -H g.
        direction = g;
        alpha.assign(history.size(), 0.0);
        for (std::size_t k = history.size(); k-- > 0;) {
            alpha[k] = history[k].rho * dot(history[k].s, direction);
            for (std::size_t i = 0; i < n; ++i) direction[i] -= alpha[k] * history[k].y[i];
        }
        double gamma = 1.0;
        if (!history.empty()) gamma = dot(history.back().s, history.back().y) / dot(history.back().y, history.back().y);
        else gamma = 1.0 / std::max(1.0, std::sqrt(dot(g, g)));
        for (auto& d : direction) d *= gamma;
        for (std::size_t k = 0; k < history.size(); ++k) {
            const double beta = history[k].rho * dot(history[k].y, direction);
            for (std::size_t i = 0; i < n; ++i) direction[i] += (alpha[k] - beta) * history[k].s[i];
        }
        for (auto& d : direction) d = -d;
        double slope = dot(g, direction);
        if (slope >= 0) {  // not a descent direction (numerical trouble): restart from steepest descent
            history.clear();
            for (std::size_t i = 0; i < n; ++i) direction[i] = -g[i];
            slope = -dot(g, g);
        }
        double step = 1.0, fNew = f;
        bool accepted = false;
        for (int tries = 0; tries < 40; ++tries) {
            for (std::size_t i = 0; i < n; ++i) xNew[i] = x[i] + step * direction[i];
            fNew = objective(xNew, gNew);
            if (std::isfinite(fNew) && fNew <= f + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        result.iterations = iteration + 1;
        if (!accepted) break;
        Pair pair{std::vector<double>(n), std::vector<double>(n), 0};
        for (std::size_t i = 0; i < n; ++i) {
            pair.s[i] = xNew[i] - x[i];
            pair.y[i] = gNew[i] - g[i];
        }
        const double sy = dot(pair.s, pair.y);
        x.swap(xNew);
        g.swap(gNew);
        const double previous = f;
        f = fNew;
        if (sy > 1e-12) {
            pair.rho = 1.0 / sy;
            history.push_back(std::move(pair));
            if (static_cast<int>(history.size()) > options.memory) history.pop_front();
        }
        if (std::abs(previous - f) <= 1e-12 * std::max(1.0, std::abs(f))) {
            result.converged = true;
            break;
        }
    }
    result.value = f;
    return result;
}

}  // namespace ss::sentiment
