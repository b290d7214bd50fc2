"""The city among its peers (SPEC §6): regions, rank (位次), the reference, --region,
`compare` and --known-on. Every figure here is test data, not a published one."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Run
from hypothesis import given
from hypothesis import strategies as st

PEERS = ["长春市", "吉林市", "四平市", "通化市", "白山市", "松原市", "白城市", "延边朝鲜族自治州"]

PLAN = """\
[plan]
id = "jilin-test"
name = "测试计划"
region = "辽源市"
year = 2023
lang = "zh"
peers = ["长春市", "吉林市", "四平市", "通化市", "白山市", "松原市", "白城市", "延边朝鲜族自治州"]
reference = "吉林省"
names_en = { "辽源市" = "Liaoyuan", "长春市" = "Changchun", "吉林省" = "Jilin Province" }

[[target]]
id = "gdp"
name = "地区生产总值"
kind = "growth"
comparator = "at_least"
value = 6.5
unit = "%"
frequency = "quarterly"
values = { "长春市" = 6.0, "四平市" = 7.0 }

[[target]]
id = "unemployment"
name = "城镇调查失业率"
kind = "rate"
comparator = "at_most"
value = 5.5
unit = "%"
frequency = "monthly"

[[target]]
id = "projects"
name = "惠民实事"
kind = "total"
comparator = "at_least"
value = 50
unit = "件"
frequency = "monthly"
values = { "长春市" = 100 }
"""

# Test data: year-to-date GDP growth of the nine divisions and the province.
Q1 = {
    "辽源市": "5.0",
    "长春市": "7.5",
    "吉林市": "6.0",
    "四平市": "5.5",
    "通化市": "6.2",
    "白山市": "5.2",
    "松原市": "5.1",
    "白城市": "4.8",
    "吉林省": "8.2",
}
H1 = {
    "辽源市": "6.3",
    "长春市": "7.0",
    "吉林市": "6.3",
    "四平市": "6.3",
    "通化市": "5.1",  # the lagging peer
    "白山市": "6.50",  # ties with 6.5 in decimal terms
    "松原市": "6.5",
    "白城市": "4.0",
    "吉林省": "7.7",
}  # 延边朝鲜族自治州 has published nothing for H1


def entry(target: str, period: str, value: str, when: str, region: str | None = None) -> str:
    where = f'region = "{region}"\n' if region and region != "辽源市" else ""
    return (
        f'\n[[actual]]\ntarget = "{target}"\nperiod = "{period}"\nvalue = {value}\n'
        f"{where}recorded_at = {when}\n"
    )


@pytest.fixture
def jilin(isolated: Path) -> Path:
    """The test plan with Q1 and H1 GDP for every division but Yanbian at H1, a month of
    unemployment and of projects."""
    (isolated / "targets.toml").write_text(PLAN, encoding="utf-8")
    blocks = [entry("gdp", "2023-03", v, "2023-04-20T10:00:00+08:00", r) for r, v in Q1.items()]
    blocks += [entry("gdp", "2023-06", v, "2023-07-18T10:00:00+08:00", r) for r, v in H1.items()]
    for region, value in (
        ("辽源市", "5.0"),
        ("长春市", "4.8"),
        ("吉林市", "5.3"),
        ("吉林省", "4.9"),
    ):
        blocks.append(entry("unemployment", "2023-01", value, "2023-02-15T10:00:00+08:00", region))
    for region, value in (("辽源市", "20"), ("长春市", "30"), ("吉林市", "25"), ("吉林省", "120")):
        blocks.append(entry("projects", "2023-05", value, "2023-06-05T10:00:00+08:00", region))
    ledger = isolated / "actuals.toml"
    ledger.write_text("".join(blocks), encoding="utf-8")
    return ledger


def report(run: Run, *args: str) -> dict[str, dict[str, object]]:
    result = run("report", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return {t["id"]: t for t in json.loads(result.stdout)["targets"]}


def standing(t: dict[str, object]) -> tuple[object, ...]:
    keys = ("rank", "rank_of", "rank_change", "reference_actual", "vs_reference")
    return tuple(t[k] for k in keys)


def test_nine_cities_rank_with_ties_sharing_a_rank_and_the_next_skipped(
    run: Run, jilin: Path
) -> None:
    gdp = report(run)["gdp"]
    # 长春 7.0 first; 白山 6.50 and 松原 6.5 tie second; 辽源, 吉林, 四平 6.3 tie fourth
    # (5 and 6 skipped); 通化 5.1 seventh, 白城 4.0 eighth; 延边 has no H1 figure
    assert gdp["period"] == "2023-06"
    assert gdp["region"] == "辽源市"
    # Q1: 辽源 5.0 was seventh of eight; now fourth: moved up three places (前移3位)
    assert standing(gdp) == (4, 8, 3, 7.7, -1.4)


def test_the_table_says_the_rank_tie_change_and_difference_from_the_province(
    run: Run, jilin: Path
) -> None:
    table = run("report").stdout
    assert "并列第4位/8 ↑3" in table
    assert "比吉林省" in table and "-1.4" in table
    english = run("report", "--lang", "en").stdout
    assert "=4th/8 ↑3" in english and "vs Jilin Province" in english
    markdown = run("report", "-f", "markdown").stdout
    assert "| 位次 · 比吉林省 |" in markdown and "| 并列第4位/8 ↑3 · -1.4 |" in markdown


def test_a_lagging_peer_seen_from_its_own_report_moved_down(run: Run, jilin: Path) -> None:
    gdp = report(run, "--region", "通化市")["gdp"]
    # Q1 6.2 was second; H1 5.1 is seventh: five places down (后移5位)
    assert standing(gdp) == (7, 8, -5, 7.7, -2.6)
    assert (gdp["region"], gdp["status"], gdp["effective"]) == ("通化市", "no_target", None)


def test_a_peer_is_judged_against_its_own_value(run: Run, jilin: Path) -> None:
    gdp = report(run, "--region", "Changchun")["gdp"]  # its English name, as --region takes
    assert (gdp["value"], gdp["effective"], gdp["actual"]) == (6.0, 6.0, 7.0)
    assert (gdp["status"], gdp["gap"], gdp["rank"], gdp["rank_change"]) == ("on_track", 1.0, 1, 0)
    siping = report(run, "--region", "四平市")["gdp"]
    assert (siping["effective"], siping["status"], siping["rank"]) == (7.0, "behind", 4)


def test_a_peer_without_a_value_has_no_target_and_is_still_ranked(run: Run, jilin: Path) -> None:
    doc = json.loads(run("report", "-f", "json", "--region", "吉林市").stdout)
    assert doc["region"] == "吉林市"
    gdp = doc["targets"][0]
    assert (gdp["status"], gdp["actual"], gdp["rank"], gdp["rank_of"]) == ("no_target", 6.3, 4, 8)


def test_a_rate_ranks_lower_first_on_its_mean(run: Run, jilin: Path) -> None:
    rows = report(run, "--as-of", "2023-01")
    # 长春 4.8 first, 辽源 5.0 second, 吉林 5.3 third; the province's 4.9 is not ranked
    assert standing(rows["unemployment"]) == (2, 3, None, 4.9, 0.1)
    assert report(run, "--as-of", "2023-01", "--region", "吉林市")["unemployment"]["rank"] == 3


def test_a_total_ranks_on_progress_among_regions_with_a_value(run: Run, jilin: Path) -> None:
    rows = report(run, "--as-of", "2023-05")
    # 辽源 20 of 50 (40%) before 长春 30 of 100 (30%); 吉林 has no value and is not ranked;
    # a city's projects are no share of the province's: no difference from it
    assert standing(rows["projects"]) == (1, 2, None, None, None)
    assert standing(report(run, "--as-of", "2023-05", "--region", "长春市")["projects"]) == (
        2,
        2,
        None,
        None,
        None,
    )
    jilin_city = report(run, "--as-of", "2023-05", "--region", "吉林市")["projects"]
    assert (jilin_city["rank"], jilin_city["status"], jilin_city["actual"]) == (
        None,
        "no_target",
        25.0,
    )


def test_the_reference_is_compared_with_never_ranked(run: Run, jilin: Path) -> None:
    gdp = report(run, "--region", "吉林省")["gdp"]
    assert (gdp["actual"], *standing(gdp)) == (7.7, None, None, None, None, None)


def test_fewer_than_two_ranked_leaves_rank_and_rank_of_null(run: Run, plan_file: Path) -> None:
    assert run("record", "gdp", "2023-Q1", "5.8").exit_code == 0
    assert run("record", "gdp", "2023-Q1", "8.2", "--region", "吉林省").exit_code == 0
    gdp = report(run)["gdp"]
    assert standing(gdp) == (None, None, None, 8.2, -2.4)


def test_better_turns_the_order(run: Run, jilin: Path) -> None:
    plan = jilin.parent / "targets.toml"
    text = plan.read_text("utf-8").replace(
        'comparator = "at_most"\n', 'comparator = "at_most"\nbetter = "higher"\n'
    )
    plan.write_text(text, encoding="utf-8")
    assert report(run, "--as-of", "2023-01")["unemployment"]["rank"] == 2
    assert report(run, "--as-of", "2023-01", "--region", "吉林市")["unemployment"]["rank"] == 1


def test_compare_json_has_the_spec_shape_ranked_then_unranked_then_the_reference(
    run: Run, jilin: Path
) -> None:
    result = run("compare", "gdp", "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert list(doc) == ["target", "as_of", "regions"]
    assert doc["as_of"] == "2023-06"
    assert doc["target"]["id"] == "gdp" and doc["target"]["value"] == 6.5
    keys = ["region", "reference", "period", "actual", "rank", "rank_of", "rank_change"]
    keys += ["effective", "gap", "status", "vs_reference"]
    assert all(list(r) == keys for r in doc["regions"])
    order = [(r["region"], r["rank"]) for r in doc["regions"]]
    assert order == [
        ("长春市", 1),
        ("白山市", 2),
        ("松原市", 2),
        ("辽源市", 4),  # ties in the plan's order: its own region, then peers as listed
        ("吉林市", 4),
        ("四平市", 4),
        ("通化市", 7),
        ("白城市", 8),
        ("延边朝鲜族自治州", None),
        ("吉林省", None),
    ]
    changchun, yanbian, province = doc["regions"][0], doc["regions"][-2], doc["regions"][-1]
    assert changchun == {
        "region": "长春市",
        "reference": False,
        "period": "2023-06",
        "actual": 7.0,
        "rank": 1,
        "rank_of": 8,
        "rank_change": 0,
        "effective": 6.0,
        "gap": 1.0,
        "status": "on_track",
        "vs_reference": -0.7,
    }
    assert (yanbian["period"], yanbian["actual"], yanbian["status"]) == (None, None, "no_target")
    assert province["reference"] is True
    assert (province["actual"], province["rank"], province["vs_reference"]) == (7.7, None, None)


def test_compare_at_an_earlier_period_and_as_a_table(run: Run, jilin: Path) -> None:
    doc = json.loads(run("compare", "gdp", "--as-of", "2023-Q1", "-f", "json").stdout)
    assert doc["as_of"] == "2023-03"
    assert [r["region"] for r in doc["regions"]][:2] == ["长春市", "通化市"]
    table = run("compare", "地区生产总值").stdout
    assert "地区生产总值 · 上半年 · 各地区比较" in table
    assert "▶" in table and "无本期数据" in table and "参照" in table
    lines = table.splitlines()
    assert lines[-2].split()[:3] == ["参照", "吉林省", "7.7%"]  # the reference last, marked
    own = next(line for line in lines if "辽源市" in line and "▶" in line)
    assert own.split()[1:4] == ["并列第4位/8", "辽源市", "6.3%"]


def test_compare_fits_80_columns(run: Run, jilin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for lang in ("zh", "en"):
        table = run("compare", "gdp", "--lang", lang).stdout
        from rich.cells import cell_len

        assert max(cell_len(line) for line in table.splitlines()) <= 80
        assert "7.0%" in table


def test_compare_csv_and_markdown(run: Run, jilin: Path) -> None:
    csv = run("compare", "gdp", "-f", "csv").stdout.splitlines()
    assert csv[0] == (
        "region,reference,period,actual,rank,rank_of,rank_change,effective,gap,status,vs_reference"
    )
    assert csv[1] == "长春市,false,2023-06,7.0,1,8,0,6.0,1.0,on_track,-0.7"
    assert csv[-1] == "吉林省,true,2023-06,7.7,,,,,,no_target,"
    markdown = run("compare", "gdp", "-f", "markdown").stdout
    assert "| 并列第4位/8 | **辽源市** | 6.3% | ≥6.5% | -0.2 | ✗ 滞后 | ↑3 | -1.4 |" in markdown


def test_the_report_table_keeps_rank_in_80_columns(
    run: Run, jilin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    for lang, rank in (("zh", "并列第4位/8 ↑3"), ("en", "=4th/8 ↑3")):
        table = run("report", "--lang", lang).stdout
        assert max(cell_len(line) for line in table.splitlines()) <= 80
        assert rank in table and "-1.4" in table


def test_an_unknown_region_is_refused_naming_the_known_ones(run: Run, jilin: Path) -> None:
    before = jilin.read_bytes()
    result = run("record", "gdp", "2023年前三季度", "6.0", "--region", "北京市")
    assert result.exit_code == 1
    assert result.stderr == (
        "错误：没有地区 '北京市'；计划中的地区有 辽源市 (Liaoyuan), 长春市"
        " (Changchun), 吉林市, 四平市, 通化市, 白山市, 松原市, 白城市, 延边朝鲜族自治州,"
        " 吉林省 (Jilin Province)\n"
    )
    english = run("record", "gdp", "2023年前三季度", "6.0", "--region", "北京市", "--lang", "en")
    assert english.stderr == (
        "error: unknown region '北京市'; the plan's regions are 辽源市 (Liaoyuan), 长春市"
        " (Changchun), 吉林市, 四平市, 通化市, 白山市, 松原市, 白城市, 延边朝鲜族自治州,"
        " 吉林省 (Jilin Province)\n"
    )
    assert jilin.read_bytes() == before
    for args in (("report",), ("history", "gdp"), ("export", "--what", "actuals")):
        refused = run(*args, "--region", "Beijing")
        assert refused.exit_code == 1 and "没有地区 'Beijing'" in refused.stderr


def test_record_for_a_peer_says_whose_figure_it_is(run: Run, jilin: Path) -> None:
    said = run("record", "gdp", "2023年前三季度", "6.0", "--region", "changchun")
    assert said.exit_code == 0, said.output
    assert said.stderr == "已记录 gdp 2023-09（前三季度）= 6（长春市）\n"
    assert 'region = "长春市"' in jilin.read_text("utf-8").split("[[actual]]")[-1]
    again = run("record", "gdp", "2023年前三季度", "6.1", "--region", "长春市")
    assert again.exit_code == 1
    assert again.stderr.startswith("错误：长春市 gdp 2023-09 已有数据 6（记录于 ")
    # the plan's own region named is the same as none: no region written
    assert run("record", "gdp", "2023年前三季度", "5.5", "--region", "Liaoyuan").exit_code == 0
    assert "region" not in jilin.read_text("utf-8").split("[[actual]]")[-1]


def test_import_takes_a_region_column_over_the_option(run: Run, jilin: Path) -> None:
    sheet = jilin.parent / "q3.csv"
    sheet.write_text(
        "target,period,value,region\ngdp,2023-09,6.6,\ngdp,2023-09,5.9,Changchun\n",
        encoding="utf-8",
    )
    result = run("import", str(sheet), "--region", "四平市")
    assert result.exit_code == 0, result.output
    # compare stays at the latest period of the plan's own region, which has no Q3 figure
    compared = json.loads(run("compare", "gdp", "-f", "json", "--as-of", "2023-09").stdout)
    assert compared["as_of"] == "2023-06"
    siping = report(run, "--region", "四平市", "--as-of", "2023-09")["gdp"]
    changchun = report(run, "--region", "长春市", "--as-of", "2023-09")["gdp"]
    assert (siping["period"], siping["actual"]) == ("2023-09", 6.6)
    assert (changchun["period"], changchun["actual"]) == ("2023-09", 5.9)
    assert report(run, "--as-of", "2023-09")["gdp"]["period"] == "2023-06"
    bad = jilin.parent / "bad.csv"
    bad.write_text("target,period,value,region\ngdp,2023-09,6.6,上海市\n", encoding="utf-8")
    refused = run("import", str(bad))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"错误：{bad} 第 2 行：没有地区 '上海市'")


def test_history_and_export_of_one_region(run: Run, jilin: Path) -> None:
    history = json.loads(run("history", "gdp", "--region", "长春市", "-f", "json").stdout)
    assert [(e["period"], e["value"]) for e in history["entries"]] == [
        ("2023-03", 7.5),
        ("2023-06", 7.0),
    ]
    assert history["target"]["value"] == 6.0  # 长春's own target
    everything = run("export", "--what", "actuals").stdout.splitlines()
    assert len(everything) == 1 + 18 + 8  # every region's entries
    changchun = run("export", "--what", "actuals", "--region", "长春市").stdout.splitlines()
    assert len(changchun) == 1 + 4 and all(",长春市" in line for line in changchun[1:])
    own = run("export", "--what", "actuals", "--region", "辽源市").stdout.splitlines()
    assert len(own) == 1 + 4


def test_known_on_reproduces_the_report_before_and_after_a_revision(run: Run, jilin: Path) -> None:
    with jilin.open("a", encoding="utf-8") as f:
        f.write(entry("gdp", "2023-06", "6.9", "2023-07-25T09:00:00+08:00"))  # revised: 6.3 → 6.9
        # without an offset, read in China's time: known on the 24th
        f.write(entry("gdp", "2023-06", "7.2", "2023-07-24T23:30:00", "长春市"))
        # 16:30 UTC is 00:30 on the 25th in China: not yet known on the 24th
        f.write(entry("gdp", "2023-06", "4.5", "2023-07-24T16:30:00+00:00", "白城市"))
    before = json.loads(run("report", "-f", "json", "--known-on", "2023-07-24").stdout)
    assert before["known_on"] == "2023-07-24"
    gdp = before["targets"][0]
    assert (gdp["actual"], gdp["rank"], gdp["rank_of"]) == (6.3, 4, 8)
    after = report(run, "--known-on", "2023-07-25")["gdp"]
    assert (after["actual"], after["rank"], after["rank_change"]) == (6.9, 2, 5)
    assert report(run)["gdp"]["actual"] == 6.9
    early = json.loads(run("compare", "gdp", "--known-on", "2023-07-24", "-f", "json").stdout)
    first = {r["region"]: r["actual"] for r in early["regions"]}
    assert (first["长春市"], first["白城市"]) == (7.2, 4.0)
    assert (
        json.loads(run("compare", "gdp", "--known-on", "2023-05-01", "-f", "json").stdout)["as_of"]
        == "2023-03"
    )
    history = json.loads(run("history", "gdp", "--known-on", "2023-07-24", "-f", "json").stdout)
    assert [e["value"] for e in history["entries"]] == [5.0, 6.3]
    nothing = json.loads(run("report", "-f", "json", "--known-on", "2023-01-01").stdout)
    assert nothing["as_of"] is None
    for written in ("2023/7/24", "2023年7月24日"):
        assert report(run, "--known-on", written)["gdp"]["actual"] == 6.3
    assert run("report", "--known-on", "2023-02-30").exit_code == 1
    bad = run("report", "--known-on", "July")
    assert (bad.exit_code, bad.stderr) == (
        1,
        "错误：--known-on 'July' 不是 2023-05-20 这样的日期\n",
    )


@pytest.mark.parametrize(
    ("plan_lines", "message"),
    [
        ('peers = ["长春市", "辽源市"]', "peer '辽源市' is the plan's own region"),
        ('peers = ["长春市", "长春市"]', "peer '长春市' is named twice"),
        ('peers = ["长春市"]\nreference = "长春市"', "reference '长春市' is one of its peers"),
        ('reference = "辽源市"', "reference '辽源市' is the plan's own region"),
        (
            'names_en = { "上海市" = "Shanghai" }',
            "names_en names '上海市', which is not one of the plan's regions (辽源市)",
        ),
    ],
)
def test_the_plan_names_each_region_once(
    run: Run, isolated: Path, plan_lines: str, message: str
) -> None:
    text = PLAN.split("[[target]]")[0]
    head = "\n".join(
        line for line in text.splitlines() if not line.startswith(("peers", "reference", "names"))
    )
    (isolated / "targets.toml").write_text(head + "\n" + plan_lines + "\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("target_lines", "message"),
    [
        ('values = { "上海市" = 6.0 }', "values names '上海市', which is not one of the plan's"),
        ('values = { "辽源市" = 6.0 }', "values names '辽源市', the plan's own region"),
        ('values = { "长春市" = "6.0" }', "values must be a number"),
        ('values = { "长春市" = nan }', "the value for '长春市' must be a finite number"),
        ('better = "sideways"', "better: input should be 'higher' or 'lower'"),
    ],
)
def test_values_name_known_regions_and_better_is_a_direction(
    run: Run, isolated: Path, target_lines: str, message: str
) -> None:
    text = PLAN.replace('values = { "长春市" = 6.0, "四平市" = 7.0 }', target_lines)
    (isolated / "targets.toml").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


def test_the_bundled_plan_names_jilins_nine_divisions_and_the_province(
    run: Run, plan_file: Path
) -> None:
    from targets.store.plan_file import load_plan

    plan = load_plan(plan_file)
    assert plan.region == "辽源市" and plan.reference == "吉林省"
    assert plan.peers == tuple(PEERS)
    assert plan.region_named("Yanbian") == "延边朝鲜族自治州"
    assert plan.region_named("jilin city") == "吉林市"
    assert plan.region_named("Jilin Province") == "吉林省"
    assert all(t.values is None for t in plan.targets)  # names only, no figures


def test_titles_say_whose_report_and_when_it_was_known(run: Run, jilin: Path) -> None:
    table = run("report", "--region", "长春市", "--known-on", "2023-07-20").stdout
    assert table.splitlines()[0] == "测试计划 · 长春市 · 上半年 · 截至2023-07-20所知"
    english = run("report", "--region", "长春市", "--lang", "en", "-f", "markdown").stdout
    assert english.splitlines()[0] == "### 测试计划 · Changchun · H1"
    history = run("history", "gdp", "--region", "长春市").stdout
    assert history.splitlines()[0] == "地区生产总值 · 长春市 · ≥6% · 2023"


def test_check_notes_figures_of_a_region_the_plan_does_not_name(run: Run, jilin: Path) -> None:
    with jilin.open("a", encoding="utf-8") as f:
        f.write(entry("gdp", "2023-06", "6.1", "2023-07-18T10:00:00+08:00", "长春"))
    result = run("check")
    assert result.exit_code == 0, result.output
    assert (
        f"注意：{jilin}：有 1 条属于地区 '长春'，但计划 jilin-test 没有这个地区"
        "（region、peers、reference）；报告不计入"
    ) in result.stderr
    assert report(run, "--region", "长春市")["gdp"]["actual"] == 7.0


@given(st.lists(st.decimals(-5, 5, places=1), min_size=1, max_size=12), st.booleans())
def test_ranks_share_on_ties_and_skip_after(figures: list[Decimal], higher: bool) -> None:
    from targets.evaluation.ranking import ranks

    named = [(f"r{i}", v) for i, v in enumerate(figures)]
    placed = ranks(named, higher)
    for region, v in named:
        better = sum(1 for _, w in named if (w > v if higher else w < v))
        assert placed[region] == better + 1  # 1, 2, 2, 4: ties share, the next is skipped


def test_narrow_terminals_keep_the_figures_and_let_the_rest_give_way(
    run: Run, jilin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "60")
    compared = run("compare", "gdp").stdout
    assert max(cell_len(line) for line in compared.splitlines()) <= 60
    assert "目标" not in compared.splitlines()[1]  # the goal gave way first
    assert "并列第4位/8" in compared and "7.0%" in compared and "-1.4" in compared
    monkeypatch.setenv("COLUMNS", "50")
    table = run("report").stdout
    assert max(cell_len(line) for line in table.splitlines()) <= 50
    assert "6.3%" in table and "上半年" in table


def test_a_chinese_region_column_on_import(run: Run, jilin: Path) -> None:
    sheet = jilin.parent / "q3.csv"
    sheet.write_text(
        "指标,期间,数值,地区\n地区生产总值,2023年前三季度,5.7,白山市\n", encoding="utf-8"
    )
    result = run("import", str(sheet))
    assert result.exit_code == 0, result.output
    assert report(run, "--region", "白山市")["gdp"]["actual"] == 5.7


def test_compare_says_where_the_city_stands_as_a_briefing_does(run: Run, jilin: Path) -> None:
    assert run("compare", "gdp").stdout.splitlines()[-1] == (
        "▶ 辽源市：上半年6.3%，并列第4位（共8地），较上期前移3位，低于吉林省1.4个百分点"
    )
    assert run("compare", "gdp", "--lang", "en").stdout.splitlines()[-1] == (
        "▶ Liaoyuan: H1 6.3%, tied 4th of 8, up 3 places, 1.4 points below Jilin Province"
    )
    assert run("compare", "unemployment").stdout.splitlines()[-1] == (
        "▶ 辽源市：1月均5.0%，居第2位（共3地），高于吉林省0.1个百分点"
    )
    markdown = run("compare", "gdp", "-f", "markdown")
    assert markdown.stdout.splitlines()[-1].startswith("▶ 辽源市：上半年6.3%，并列第4位")
