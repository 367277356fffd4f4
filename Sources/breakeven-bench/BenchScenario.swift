/// The benchmark's Monte Carlo scenario: 5 options of every kind over 60 months, with 6
/// uncertain inputs (10,000 trials × 60 months × 5 options = 3M option-months a run); the rented
/// GPUs scale hour by hour with a daily load shape, the dearest path of the sizing.
enum BenchScenario {
    static let path = "bench-monte-carlo.json"

    static let text = """
    {
      "version": 1,
      "name": "Benchmark: five options, 60 months, six uncertain inputs",
      "start": "2026-01",
      "months": 60,
      "discount_rate": 0.08,
      "workload": {
        "requests_per_month": 5000000,
        "input_tokens_per_request": 1500,
        "output_tokens_per_request": 300,
        "cached_input_share": 0.3,
        "batch_share": 0.1,
        "growth": { "monthly_rate": 0.03 },
        "load_shape": { "hourly": [0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.2, 1.6, 1.8, 1.9, 1.9, 1.8, 1.8, 1.9, 1.9, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0.6, 0.4] }
      },
      "options": [
        { "id": "api", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8, "cached_input_per_mtok": 0.5, "batch_discount": 0.5 },
          "price_change_per_year": -0.3 },
        { "id": "hosted", "type": "api", "prices": { "input_per_mtok": 0.6, "output_per_mtok": 0.8 }, "price_change_per_year": -0.2,
          "one_time": { "migration": 30000 } },
        { "id": "gpu", "type": "self_hosted", "gpu_hourly": 2.5, "gpus_per_replica": 2,
          "throughput": { "output_tokens_per_second": 4000, "input_tokens_per_second": 30000 },
          "max_utilization": 0.7, "min_replicas": 2, "scaling": "hourly", "gpu_price_change_per_year": -0.15,
          "team": { "engineers": 1.5, "cost_per_engineer_per_year": 220000 },
          "one_time": { "migration": 120000 }, "monthly_fixed": { "observability": 1500 } },
        { "id": "owned", "type": "owned_hardware", "purchase_price": 250000, "units": "auto",
          "throughput": { "output_tokens_per_second": 6000, "input_tokens_per_second": 40000 },
          "max_utilization": 0.6, "watts_busy": 6000, "watts_idle": 1500, "electricity_per_kwh": 0.15,
          "lifetime_months": 48, "resale_share": 0.2,
          "team": { "engineers": 2, "cost_per_engineer_per_year": 220000 } },
        { "id": "seats", "type": "subscription", "monthly_fee": 30, "seats": 2000,
          "included": { "requests_per_month": 2000 }, "overflow": "api" }
      ],
      "baseline": "api",
      "uncertainty": {
        "trials": 10000,
        "seed": 7,
        "inputs": {
          "workload.growth.monthly_rate": { "normal": { "mean": 0.03, "sd": 0.015 } },
          "options.api.price_change_per_year": { "pert": [-0.75, -0.3, 0] },
          "options.gpu.gpu_hourly": { "triangular": [1.9, 2.5, 3.5] },
          "options.gpu.max_utilization": { "pert": [0.5, 0.7, 0.85] },
          "options.gpu.team.engineers": { "lognormal": { "median": 1.5, "p90": 2.5 } },
          "options.owned.purchase_price": { "uniform": [200000, 320000] }
        }
      }
    }
    """
}
