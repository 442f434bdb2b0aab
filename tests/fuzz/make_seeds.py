#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (one folder per target) from the kinds of input the unit
tests use: well-formed and malformed rows of every import format, CSV dialects, tokenizer texts,
safetensors files, model folders' config files and a small project file.

usage: make_seeds.py OUT_DIR [--cli shelfsense-cli] [--model-dir DIR]
"""
import argparse, gzip, json, os, pathlib, shutil, sqlite3, struct, subprocess, tempfile


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def csv_seeds(out):
    d = out / "csv_reader"
    write(d, "comma", b"\x00user,item,time\nu1,i1,1511544070\nu2,i2,1511544071\n")
    write(d, "tab", b"\x01user\titem\ttime\nu1\ti1\t2020-01-01\n")
    write(d, "whitespace", b"\x02196 242 3 881250949\n186 302 3 891717742\n")
    write(d, "quoted", b'\x03id,text\n1,"a ""quoted"" field, with comma\nand newline"\n2,plain\n')
    write(d, "unterminated", b'\x00id,text\n1,"never closed\n2,x\n')
    write(d, "crlf-bom", b"\x03\xef\xbb\xbfa,b\r\n1,2\r\n")
    write(d, "gzip", b"\x00" + gzip.compress(b"a,b\n1,2\n3,4\n"))


def metrics_seeds(out):
    d = out / "metrics_csv"
    write(d, "headers", "user,item,rating\nu1,i1,5\nu1,i2,3\nu2,i1,1\n\x01user,item,score\nu1,i1,0.9\nu1,i3,0.5\nu2,i2,0.1\n")
    write(d, "positional", "1,10\n1,11\n2,12\n\x011,10,3\n1,12,2.5e-1\n2,12,-1\n")
    write(d, "quoted-and-bad", 'user_id,item_id\n"a,b",x\nu,"unterminated\n\x01user,item,score\nu,x,notanumber\nu,y,nan\n')


def import_seeds(out):
    d = out / "import_formats"
    write(d, "taobao", "\x001,2268318,2520377,pv,1511544070\n1,2333346,2520771,buy,1511561733\n2,1,2,cart,1511600000\nbad,row\n")
    write(d, "retailrocket-events", "\x01timestamp,visitorid,event,itemid,transactionid\n1433221332117,257597,view,355908,\n"
          "1433224214164,992329,transaction,248676,1\n")
    write(d, "retailrocket-properties", "\x02timestamp,itemid,property,value\n1435460400000,460429,categoryid,1338\n"
          "1441508400000,206783,available,1\n1439089200000,395014,400,n552.000 639502 n720.000\n")
    write(d, "amazon-reviews", "\x03" + json.dumps({"overall": 5.0, "reviewerID": "A1", "asin": "B001", "reviewText": "Great phone",
                                                    "summary": "ok", "unixReviewTime": 1400000000}) + "\n"
          + json.dumps({"rating": 1, "user_id": "U2", "parent_asin": "B002", "text": "很差", "title": "差", "timestamp": 1600000000000}) + "\n{broken\n")
    write(d, "amazon-meta", "\x04" + json.dumps({"asin": "B001", "title": "Phone", "categories": [["Electronics", "Phones"]], "price": 9.99,
                                                 "brand": "Acme", "description": "A phone"}) + "\n"
          + json.dumps({"parent_asin": "B002", "title": "咖啡机", "main_category": "Home", "price": "$12.50"}) + "\n")
    write(d, "transactions", "\x05InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
          "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
          "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom\n")
    write(d, "mapped", "\x06user,item,time,value\nu1,i1,2020-01-01T10:00:00Z,3.5\nu2,i2,1600000000,x\n")


def tokenizer_seeds(out):
    d = out / "tokenizer"
    texts = ["Hello, world! The phones are unaffordable.", "这个手机质量很差，电池不耐用，客服态度也不好",
             "Café crème brûlée — naïve", "wireless 降噪 earbuds 🎧 [MASK] phone", "\u200b\ufeff\x00\x07 tabs\tand\nnewlines",
             "a" * 300]
    for i, t in enumerate(texts):
        for flags in (0x01, 0x0b, 0x30):
            write(d, f"text{i}-{flags:02x}", bytes([flags, 40]) + t.encode("utf-8"))


def safetensors_file(tensors, metadata=None):
    header, data, offset = {}, b"", 0
    for name, (dtype, shape, payload) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(payload)]}
        data += payload
        offset += len(payload)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


def safetensors_seeds(out):
    d = out / "safetensors"
    write(d, "good", safetensors_file({"embeddings.weight": ("F32", [2, 3], struct.pack("<6f", *range(6))),
                                       "bias": ("F16", [2], b"\x00\x3c\x00\x40")}, {"format": "pt"}))
    write(d, "bf16", safetensors_file({"w": ("BF16", [4], b"\x80\x3f" * 4)}))
    write(d, "overlap", safetensors_file({"a": ("F32", [1], b"\0" * 4)}).replace(b"[0, 4]", b"[0, 9]"))
    write(d, "huge-length", struct.pack("<Q", 2 ** 62) + b"{}")


def model_config_seeds(out, model_dir):
    d = out / "model_config"
    names = ["config.json", "modules.json", "1_Pooling/config.json", "sentence_bert_config.json",
             "tokenizer_config.json", "special_tokens_map.json"]
    parts = []
    if model_dir and pathlib.Path(model_dir).is_dir():
        for n in names:
            p = pathlib.Path(model_dir) / n
            parts.append(p.read_bytes() if p.exists() else b"")
    else:
        parts = [json.dumps({"architectures": ["BertModel"], "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2,
                             "intermediate_size": 16, "vocab_size": 8, "max_position_embeddings": 16}).encode(),
                 json.dumps([{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]).encode(),
                 json.dumps({"pooling_mode_mean_tokens": True}).encode(), json.dumps({"max_seq_length": 12}).encode(),
                 json.dumps({"do_lower_case": True}).encode(), json.dumps({"unk_token": "[UNK]"}).encode()]
    write(d, "model", b"\x01".join(parts))
    write(d, "config-only", parts[0])


def project_seeds(out, cli):
    d = out / "project_open"
    d.mkdir(parents=True, exist_ok=True)
    if not cli:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "seed.shelfsense")
        subprocess.run([cli, "sample", "--db", path, "--users", "3", "--items", "22", "--days", "28", "--quiet"], check=True,
                       stdout=subprocess.DEVNULL)
        # Small pages and a rollback journal: a whole project in a few tens of kilobytes.
        c = sqlite3.connect(path)
        c.execute("PRAGMA journal_mode=DELETE")
        c.execute("PRAGMA page_size=512")
        c.execute("VACUUM")
        c.close()
        shutil.copy(path, d / "sample")


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def zigzag(v):
    return (v << 1) ^ (v >> 63)


def activity_blob(customers, first_user=1):
    """One activity-summary blob (format v2): customers = [[(ts, type 1-4, amount or None), ...], ...]."""
    blob, previous = bytearray(), 0
    for n, events in enumerate(customers):
        user = first_user + 2 * n
        def encode(evs):
            data, t = bytearray(), events[0][0]
            for ts, kind, amount in evs:
                data += varint(((ts - t) << 3) | (4 if amount else 0) | (kind - 1))
                t = ts
                if amount:
                    data += struct.pack("<f", amount)
            return bytes(data)
        body = encode(events)
        bought = [e for e in events if e[1] == 4]
        tail = encode(bought) if bought else b""
        flags = (2 if bought else 0) | (1 if any(e[2] for e in events) else 0)
        blob += varint(user - previous) + varint((len(events) << 2) | flags) + varint(zigzag(7 + n)) + varint(zigzag(events[0][0]))
        blob += varint(events[-1][0] - events[0][0]) + varint(len(body))
        if bought:
            blob += varint(len(bought)) + varint(len(tail))
        blob += body + tail
        previous = user
    return bytes(blob)


def activity_seeds(out):
    d = out / "activity_summary"
    plain = [[(1511544070, 1, None), (1511544070, 2, None), (1511600000, 4, None)], [(1500000000, 1, None), (1512000000, 3, None)]]
    priced = [[(978307200, 4, 12.5), (980000000, 1, None), (990000000, 4, 3.25)]]
    write(d, "one-blob", bytes([0]) + activity_blob(plain))
    write(d, "amounts", bytes([0]) + activity_blob(priced))
    write(d, "two-blobs", bytes([1]) + activity_blob(plain[:1]) + activity_blob(plain[1:], first_user=9))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--cli")
    ap.add_argument("--model-dir", default=os.environ.get("SHELFSENSE_MODEL_DIR"))
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    csv_seeds(out)
    metrics_seeds(out)
    import_seeds(out)
    tokenizer_seeds(out)
    safetensors_seeds(out)
    model_config_seeds(out, a.model_dir)
    project_seeds(out, a.cli)
    activity_seeds(out)


if __name__ == "__main__":
    main()
