import GRDB

/// The capacity model's part of the catalog schema: FP4 peaks, expert counts and native
/// precisions of the specs, and the calibrations fitted from measured benchmarks.
enum CapacitySchema {
    static func addSpecs(_ db: Database) throws {
        try db.alter(table: "gpu") { t in
            // dense NVFP4/MXFP4 peak, where the tensor cores have one
            t.add(column: "fp4_tflops", .double).check { $0 > 0 }
        }
        try db.alter(table: "hardware") { t in
            t.add(column: "fp8_tflops", .double).check { $0 > 0 }
            t.add(column: "fp4_tflops", .double).check { $0 > 0 }
        }
        try db.alter(table: "open_model") { t in
            // routed experts per MoE layer and how many a token uses; NULL for a dense model
            t.add(column: "experts", .integer).check { $0 > 0 }
            t.add(column: "experts_per_token", .integer).check { $0 > 0 }
            t.add(column: "native_precision", .text)
                .check(sql: "native_precision IN ('bf16', 'fp8', 'int8', 'int4', 'nvfp4', 'mxfp4')")
        }
    }

    /// Sliding-window attention of open models (gpt-oss): the window and the layers that use it.
    static func addSlidingWindows(_ db: Database) throws {
        try db.alter(table: "open_model") { t in
            t.add(column: "sliding_window", .integer).check { $0 > 0 }
            t.add(column: "sliding_window_layers", .integer).check { $0 > 0 }
        }
    }

    static func createCalibrations(_ db: Database) throws {
        try db.create(table: "calibration") { t in
            t.primaryKey("name", .text).check { length($0) > 0 }
            t.column("gpu_id", .text).notNull().check { length($0) > 0 }
            t.column("model_id", .text).notNull().check { length($0) > 0 }
            t.column("engine", .text).notNull()
                .check(sql: "engine IN ('vllm', 'sglang', 'tensorrt-llm', 'llama.cpp', 'mlx')")
            t.column("precision", .text).notNull()
                .check(sql: "precision IN ('bf16', 'fp8', 'int8', 'int4', 'nvfp4', 'mxfp4')")
            t.column("kv_cache_precision", .text).notNull()
                .check(sql: "kv_cache_precision IN ('bf16', 'fp8', 'int8', 'int4', 'nvfp4', 'mxfp4')")
            t.column("tensor_parallel", .integer).notNull().check { [1, 2, 4, 8].contains($0) }
            t.column("memory_bandwidth_utilization", .double).notNull().check { $0 > 0 && $0 <= 1 }
            t.column("compute_utilization", .double).notNull().check { $0 > 0 && $0 <= 1 }
            t.column("step_overhead_ms", .double).notNull().check { $0 >= 0 }
            // root mean square of log(predicted / measured) after the fit
            t.column("residual", .double).notNull().check { $0 >= 0 }
            t.column("points", .text).notNull()
            t.column("format", .text).notNull()
            t.column("source_digest", .text).notNull().check { length($0) == 64 }
            t.column("source_files", .text).notNull()
            t.column("created_on", .text).notNull()
            t.check(sql: "date(created_on, '+0 days') IS created_on")
        }
        try db.create(index: "calibration_on_match", on: "calibration", columns: ["gpu_id", "model_id", "engine"])
    }
}
