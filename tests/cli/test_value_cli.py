"""``python -m cxlib analyze --transactions FILE``: the ``value`` section on real purchase logs."""

import json

import pandas as pd
import pytest

from cxlib.cli import main
from tests.value.conftest import PUBLISHED_BGNBD, PUBLISHED_GAMMA_GAMMA, assert_within_one_percent, read_cdnow


def _analyze(capsys, *args) -> dict:
    code = main(["analyze", *args, "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def _check_cdnow(document):
    model = document["value"]["model"]
    assert model["calibration_end"] == "1997-09-30" and not model["calibration_end_chosen"]
    assert model["n_repeat_buyers"] == 946
    assert_within_one_percent(model["params"]["bgnbd"], PUBLISHED_BGNBD)
    assert_within_one_percent(model["params"]["gamma_gamma"], PUBLISHED_GAMMA_GAMMA)
    assert document["value"]["customers"] == 2357


def test_cdnow_as_csv_reproduces_the_published_parameters(shared_data, tmp_path, capsys):
    path = tmp_path / "cdnow.csv"
    frame = read_cdnow(shared_data / "CDNOW_sample.txt")
    frame.assign(date=frame["date"].dt.strftime("%Y-%m-%d")).to_csv(path, index=False)
    document = _analyze(capsys, "--transactions", str(path), "--calibration-end", "1997-09-30", "--k", "2")
    _check_cdnow(document)
    clv = document["value"]["clv"]
    assert clv["method"] == "model" and clv["horizon_months"] == 12 and clv["discount_rate"] == 0.1
    low, high = clv["interval"]
    assert low < clv["total"] < high


def test_raw_cdnow_sample_through_the_cli(shared_data, capsys):
    document = _analyze(
        capsys, "--transactions", str(shared_data / "CDNOW_sample.txt"), "--calibration-end", "1997-09-30",
        "--k", "2",
    )  # fmt: skip
    _check_cdnow(document)


def test_retail_transactions_alone(shared_data, capsys):
    document = _analyze(
        capsys, "--transactions", str(shared_data / "retail_transactions.csv"), "--horizon-months", "24",
        "--k", "3",
    )  # fmt: skip
    value = document["value"]
    assert value["customers"] == 6889 == document["kpis"]["customers"]
    assert value["first_purchase"] == "2011-05-16" and value["last_purchase"] == "2015-03-16"
    assert sum(row["count"] for row in value["rfm"].values()) == 6889
    assert value["clv"]["horizon_months"] == 24 and value["clv"]["mean"] > 0
    assert value["model"]["calibration_end_chosen"]
    assert document["personas"] is not None and set(value["personas"]) == {
        persona["name"] for persona in document["personas"]["personas"]
    }
    assert any("buyers in the transaction table" in note for note in value["notes"])


def test_kpmg_transactions_sheet(shared_data, capsys):
    document = _analyze(
        capsys, "--transactions", str(shared_data / "kpmg_sprocket_raw.xlsx"),
        "--transactions-sheet", "Transactions", "--k", "2",
    )  # fmt: skip
    value = document["value"]
    assert value["customers"] > 3000
    assert value["clv"]["mean"] > 0 and value["model"]["holdout"]["actual"] > 0


def test_kpmg_cancelled_lines_are_set_aside_and_counted(shared_data, capsys):
    document = _analyze(
        capsys, "--transactions", str(shared_data / "kpmg_sprocket_raw.xlsx"),
        "--transactions-sheet", "Transactions", "--k", "2",
    )  # fmt: skip
    assert document["inputs"]["transactions"]["rows_set_aside"] >= 179


@pytest.mark.parametrize("option", [["--calibration-end", "30.09.1997"], ["--horizon-months", "0"]])
def test_bad_value_options_are_one_line_and_exit_code_2(option, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--transactions", "x.csv", *option])
    assert stop.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_an_order_log_without_dates_says_the_date_is_missing(tmp_path, capsys):
    # Instacart's orders table: order_number and days_since_prior_order, no calendar date. Before, the
    # note was "holds no usable purchase", which hid the cause
    rows = [
        {"order_id": 100 * user + number, "user_id": user, "eval_set": "prior", "order_number": number,
         "order_dow": number % 7, "days_since_prior_order": "" if number == 1 else 7.0}
        for user in range(1, 31)
        for number in range(1, 6)
    ]  # fmt: skip
    path = tmp_path / "orders.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    document = _analyze(capsys, "--transactions", str(path))
    assert document["value"] is None
    assert document["inputs"]["transactions"]["mapping"] == {"order_id": "order_id", "customer_id": "user_id"}
    assert any(note.startswith("The transaction table has no purchase date") for note in document["notes"])
