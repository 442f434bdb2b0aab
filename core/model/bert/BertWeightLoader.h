// BertWeightLoader: copies a validated safetensors file into a BertModel by strict name and shape
// match. Every problem is collected before failing, so one error lists all missing, unexpected,
// mis-shaped and wrongly typed tensors by name. Stateless; call from the thread that owns the model
// before it is shared.
#pragma once

#include "common/Result.h"
#include "model/SafetensorsFile.h"
#include "model/bert/BertModel.h"

namespace ss {

class BertWeightLoader {
public:
    // Accepts names with or without a leading "bert."; ignores the buffers and heads sentence
    // embeddings never use (embeddings.position_ids, pooler.*, cls.*).
    static Status load(BertModel& model, const SafetensorsFile& file);
};

}  // namespace ss
