// SphericalKMeans: k-means on L2-normalised rows with cosine similarity (centroids re-normalised
// each round), k-means++ seeding from a seeded generator; and the mean silhouette (cosine distance)
// that chooses the number of groups. Rows are sparse (TF-IDF) or dense vectors stored as full rows.
// Stateless functions; any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "rec/Dense.h"
#include "rec/Interactions.h"

namespace ss::sentiment {

struct Clustering {
    int k = 0;
    std::vector<int> assignment;            // row → group
    std::vector<std::vector<float>> centres;  // k × columns, unit length
    double cohesion = 0;                      // total similarity of the rows to their centres
};

// Rows must have unit length (or be empty rows, which join group 0). The best of `restarts` runs
// from different seeds (the highest total similarity to the centres) is kept, as scikit-learn's n_init.
Clustering sphericalKMeans(const rec::CsrMatrix& rows, int k, std::uint64_t seed, int restarts = 8, int maxRounds = 40);
// Mean silhouette over at most `sampleSize` rows (seeded sample), cosine distance; 0 for k < 2.
double meanSilhouette(const rec::CsrMatrix& rows, const std::vector<int>& assignment, int k, std::uint64_t seed, std::size_t sampleSize = 1500);
// Dense vectors as full CSR rows, each scaled to unit length.
rec::CsrMatrix unitRows(const rec::DenseMatrix& vectors);
// Cosine similarity of row r with a dense unit vector.
float rowDot(const rec::CsrMatrix& rows, int r, const std::vector<float>& dense);

}  // namespace ss::sentiment
