import Dispatch

/// Many variants of a scenario evaluated on several threads with the same figures whatever the
/// number: variant v gets its input values from `fill(v, row)` (a pure function of v) and writes
/// its totals to slot v, so neither the thread nor the order of work shows. Threads take blocks
/// of variants in turn (block b to thread b mod n), each with its own `ScenarioVariants.Worker`.
struct VariantBatch {
    static let blockSize = 64

    /// Values by variant (variant-major), totals by variant (variant-major), and whether each failed.
    var values: [Double]
    var totals: [OptionTotals]
    var failed: [Bool]

    init(_ variants: ScenarioVariants, count: Int, threads: Int, progress: (@Sendable (Int) -> Void)?,
         fill: @escaping @Sendable (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
        let inputCount = variants.inputs.count
        let optionCount = variants.nominal.options.count
        values = [Double](repeating: 0, count: count * inputCount)
        totals = [OptionTotals](repeating: OptionTotals(totalCost: .nan, npv: .nan, breakevenMonth: nil), count: count * optionCount)
        failed = [Bool](repeating: false, count: count)
        let blocks = (count + VariantBatch.blockSize - 1) / VariantBatch.blockSize
        let workers = max(1, min(threads, blocks))
        values.withUnsafeMutableBufferPointer { valuesOut in
            totals.withUnsafeMutableBufferPointer { totalsOut in
                failed.withUnsafeMutableBufferPointer { failedOut in
                    let out = SharedOutput(values: valuesOut, totals: totalsOut, failed: failedOut)
                    let work: @Sendable (Int) -> Void = { w in
                        var worker = variants.worker()
                        for b in stride(from: w, to: blocks, by: workers) {
                            let first = b * VariantBatch.blockSize, end = min(count, first + VariantBatch.blockSize)
                            for v in first..<end {
                                let row = UnsafeMutableBufferPointer(rebasing: out.values[(v * inputCount)..<((v + 1) * inputCount)])
                                fill(v, row)
                                let slots = UnsafeMutableBufferPointer(rebasing: out.totals[(v * optionCount)..<((v + 1) * optionCount)])
                                if !worker.totals(UnsafeBufferPointer(row), into: slots) { out.failed[v] = true }
                            }
                            progress?(end - first)
                        }
                    }
                    if workers == 1 {
                        work(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
                    }
                }
            }
        }
    }

    /// The output buffers, shared by the worker threads: each variant writes only its own slots.
    private struct SharedOutput: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Double>
        let totals: UnsafeMutableBufferPointer<OptionTotals>
        let failed: UnsafeMutableBufferPointer<Bool>
    }
}
