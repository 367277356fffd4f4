import BreakevenCore
import BreakevenStorage
import GRDB

/// A datasheet is columns of its device's row, named alike in `gpu` and `hardware`; only `gpu`
/// has INT8 and INT4 columns (a machine computes those formats at BF16).
extension Datasheet {
    init(_ r: StoredRow, integerPeaks: Bool) throws(DamagedRow) {
        let compute = SpecBounds.compute
        self.init(memoryGB: try r.figure("memory_gb", SpecBounds.memoryGB), bandwidthTBps: try r.figure("bandwidth_tbps", SpecBounds.bandwidthTBps),
                  bf16TFLOPS: try r.figure("bf16_tflops", compute), fp8TFLOPS: try r.figure("fp8_tflops", compute),
                  int8TOPS: try integerPeaks ? r.figure("int8_tops", compute) : nil,
                  int4TOPS: try integerPeaks ? r.figure("int4_tops", compute) : nil, fp4TFLOPS: try r.figure("fp4_tflops", compute))
    }

    func encode(to container: inout PersistenceContainer, integerPeaks: Bool) {
        container["memory_gb"] = memoryGB
        container["bandwidth_tbps"] = bandwidthTBps
        container["bf16_tflops"] = bf16TFLOPS
        container["fp8_tflops"] = fp8TFLOPS
        if integerPeaks {
            container["int8_tops"] = int8TOPS
            container["int4_tops"] = int4TOPS
        }
        container["fp4_tflops"] = fp4TFLOPS
    }
}
