#!/usr/bin/python3
# gen-gscm-templates.py: writes the four green-supply-chain templates
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The generic MIIT system and its industry variants (机械, 汽车, 电子电器)
# share their basic requirements, indicators and supplier register. They are
# written from the one description below, so that what the variants share
# stays identical and what differs is said in one place:
#
#   python3 build-aux/gen-gscm-templates.py     (from the source root)
#
# rewrites resources/templates/gscm-miit-*.json. Review the diff, then run
# `greenassess-cli validate` on each file and the unit tests.

import copy
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "templates")


def t(zh, en):
    return {"zh_CN": zh, "en": en}


# ---------------------------------------------------------------- sources

URL_S1 = "http://www.boteman.cn/paper/435071066.html"
URL_S2 = "https://yzwku.com/doc/1775984.html"
URL_S5 = "http://j7575.cn/article/3000093895"
URL_S7 = "https://www.chacewang.com/newsdetail/news599635.html"

SRC_TABLE = ("工业和信息化部《企业绿色供应链管理评价指标体系》(通用《绿色供应链管理评价要求》) 指标表, "
             "据文档分享网站的镜像 " + URL_S1 + " / MIIT generic GSCM indicator table "
             "(codes X11–X64, maximum points, qualitative/quantitative), as mirrored at " + URL_S1)
SRC_BR = ("《绿色供应链管理评价要求》一、(二) 基本要求, 据省级《绿色工厂梯度培育及管理暂行办法》附件3 "
          "《绿色供应链管理企业相关评价标准》的镜像 " + URL_S2 + " / basic requirements of the "
          "generic requirements, as mirrored in a provincial attachment 3 at " + URL_S2)
SRC_EE = ("电子电器行业绿色供应链管理企业评价指标体系: EGSCI 与星级分档据工业和信息化部发布信息的报道 "
          + URL_S5 + " / electronics GSCM system: EGSCI and star bands per a news report of the MIIT "
          "publication at " + URL_S5)
SRC_EE_STRUCT = ("电子电器行业体系的结构 (绿色设计、绿色包装、运输与物流、签订绿色协议的供应商占比), "
                 "据一家家电企业2018年绿色供应链评价数据库的公开代码 (第三方整理) / structure of the "
                 "electronics system (green design, packaging, transport and logistics, suppliers "
                 "with a green agreement) per the public code of a 2018 appliance maker's evaluation "
                 "database (third-party encoding)")
SRC_APPLY = ("工信厅节函〔2023〕202号: 汽车、机械、电子电器行业按行业评价指标体系评价, 其他行业按通用评价要求, "
             "据重庆市2023年通知 " + URL_S7 + " / MIIT letter 〔2023〕202: the automotive, machinery and "
             "electronics industries use their industry systems, all others the generic requirements "
             "(Chongqing 2023 notice, " + URL_S7 + ")")

WHY_TABLE = ("未能与正式文本核对: 指标、编号和分值见于文档分享网站上的指标表镜像, 工业和信息化部的正式文件未能取得。"
             "项内部分得分的规则 (定性项如何给部分分、定量项按比例给分与否) 未找到, 故由评价人在满分以内填写得分。 / "
             "Not checked against the official text: indicator, code and points were read from a mirror "
             "of the indicator table on a document-sharing site; the MIIT document itself was not "
             "retrievable. How partial points are given inside an item was not found, so the assessor "
             "enters the points, up to the maximum.")
WHY_BR = ("未能与正式文本核对: 基本要求取自省级附件的镜像, 原文在第4条处截断, 第4条以后的要求 (如有) 未收录。 / "
          "Not checked against the official text: the basic requirements come from a mirror of a "
          "provincial attachment whose text breaks off in item 4; any later requirement is not "
          "included.")
WHY_FORMULA = ("计算式是本模板的约定: 指标名称见于指标表, 官方指标说明中的计算式未能取得。 / The formula is this "
               "template's convention: the indicator's name is in the table, the formula of the "
               "official indicator notes was not retrievable.")
WHY_REGISTER = ("供应商名录的栏目和“绿色供应商”的判定 (绿色工厂、绿色供应链管理企业、ISO 14001 认证或其他证据) "
                "是本模板的约定, 评价要求中未找到其定义。 / The register's columns and what counts as a green "
                "supplier (green factory, GSCM enterprise, ISO 14001 or other evidence) are this "
                "template's convention; no definition was found in the requirements.")


# ---------------------------------------------------------------- basic requirements

def basic_requirements():
    rows = [
        ("BR1", "0.1", t("具有独立法人资格", "Independent legal person"),
         t("申报企业具有独立法人资格。", "The applicant is an independent legal person."),
         ["营业执照 (business licence)"]),
        ("BR2", "0.2", t("具有较强的行业影响力", "Strong influence in the industry"),
         t("企业在所属行业具有较强的影响力。", "The enterprise has strong influence in its industry."),
         ["行业地位说明 (statement of the industry position)"]),
        ("BR3", "0.3", t("管理体系健全、合规, 近三年无重大安全和环境污染事故",
                         "Sound management systems, compliant, no major accident in 3 years"),
         t("具有较完善的能源资源、环境管理体系, 各项管理制度健全, 符合国家和地方的法律法规及标准规范要求, "
           "近三年无重大安全和环境污染事故。",
           "Sound energy/resource and environmental management systems, complete management "
           "rules, compliance with national and local laws, regulations and standards, and no "
           "major safety or environmental pollution accident in the past three years."),
         ["管理体系文件或认证证书 (management system documents or certificates)",
          "近三年无重大事故的证明 (proof of no major accident in three years)"]),
        ("BR4", "0.4", t("供应商数量众多, 在供应商中影响力强",
                         "Many suppliers, strong position among them"),
         t("拥有数量众多的供应商, 在供应商中有很强的影响力 (原文在此处截断)。",
           "Many suppliers and a strong position among them (the source text breaks off here)."),
         ["供应商名录 (supplier register)"]),
    ]
    items = []
    for iid, clause, title, req, evidence in rows:
        items.append({
            "id": iid, "kind": "compliance", "clause": clause, "title": title,
            "requirement": req,
            "guidance": {
                "do": t("对照基本要求逐条核对证明材料; 任何一条不符合 (含部分符合) 即一票否决, 不再评分。",
                        "Check the evidence against each basic requirement; any requirement not "
                        "met (partly met included) vetoes the evaluation."),
                "failures": t("缺少证明材料, 或近三年内有重大安全、环境污染事故。",
                              "Missing evidence, or a major safety or pollution accident within "
                              "three years."),
                "source": t("《绿色供应链管理评价要求》基本要求 (省级附件3镜像)",
                            "basic requirements of the generic requirements (mirror of a provincial "
                            "attachment 3)"),
            },
            "source": SRC_BR, "verified": False, "unverified_reason": WHY_BR,
            "veto": True, "na_allowed": False, "evidence": evidence,
        })
    return {"id": "S_BR", "title": t("基本要求", "Basic requirements"),
            "clause": "基本要求", "items": items}


# ---------------------------------------------------------------- indicators

def indicator(code, clause, points, title, req, do, evidence, failures, quantitative=False):
    kind_zh = "定量" if quantitative else "定性"
    kind_en = "quantitative" if quantitative else "qualitative"
    return {
        "id": code, "kind": "points", "clause": clause, "title": title,
        "requirement": t(req["zh_CN"] + " (%s, 满分 %s 分)" % (kind_zh, fmt(points)),
                         req["en"] + " (%s, at most %s points)" % (kind_en, fmt(points))),
        "guidance": {
            "do": do,
            "evidence": t("、".join(e[0] for e in evidence), "; ".join(e[1] for e in evidence)),
            "failures": failures,
            "source": t("指标表 (%s, %s分, %s) 及评价要求的部分指标说明" % (code, fmt(points), kind_zh),
                        "the indicator table (%s, %s points, %s) and the indicator notes of the "
                        "requirements" % (code, fmt(points), kind_en)),
        },
        "source": "%s; %s %s分 %s" % (SRC_TABLE, code, fmt(points), kind_zh),
        "verified": False, "unverified_reason": WHY_TABLE,
        "points": points,
        "evidence": ["%s (%s)" % e for e in evidence],
    }


def fmt(x):
    return ("%g" % x)


ASSESSOR = t("评价人对照证明材料在满分以内给分; 评价要求未给出部分得分的规则。",
             "The assessor gives points up to the maximum according to the evidence; the "
             "requirements give no rule for partial points.")


def do_text(zh, en):
    return t(zh + " " + ASSESSOR["zh_CN"], en + " " + ASSESSOR["en"])


def no_doc(zh, en):
    return t("没有%s的文件或记录, 或只有口头说明。" % zh,
             "No document or record showing %s, or only a verbal account." % en)


def section_strategy(title=None):
    return {"id": "S1", "title": title or t("绿色供应链管理战略", "GSCM strategy"),
            "clause": "X1", "points": 20, "items": [
        indicator("X11", "1.1", 8, t("纳入公司发展规划", "GSCM in the company development plan"),
                  t("绿色供应链管理纳入公司发展规划。", "Green supply chain management is part of the "
                    "company's development plan."),
                  do_text("核对公司发展规划中绿色供应链管理的中长期规划、年度目标、指标和实施方案。",
                          "Check the development plan for a medium/long-term GSCM plan, annual "
                          "targets, indicators and an implementation plan."),
                  [("中长期发展规划", "medium/long-term plan"), ("年度目标及指标", "annual targets and indicators"),
                   ("实施方案", "implementation plan")],
                  t("只有口号, 没有成文的中长期规划、年度目标、指标和实施方案。",
                    "Only slogans: no written medium/long-term plan, annual targets, indicators "
                    "and implementation plan.")),
        indicator("X12", "1.2", 6, t("制定绿色供应链管理目标", "GSCM targets set"),
                  t("制定了绿色供应链管理目标。", "Green supply chain management targets are set."),
                  do_text("核对成文的绿色供应链管理目标及其分解。", "Check the written GSCM targets and "
                          "how they are broken down."),
                  [("绿色供应链管理目标文件", "GSCM target document")],
                  no_doc("绿色供应链管理目标", "GSCM targets")),
        indicator("X13", "1.3", 6, t("设置专门管理机构", "Dedicated management body"),
                  t("设置绿色供应链管理的专门机构。", "A dedicated body manages the green supply chain."),
                  do_text("核对机构设置文件、职责分工和人员。", "Check the documents setting up the body, "
                          "its duties and its staff."),
                  [("机构设置文件", "founding document"), ("组织机构图", "organisation chart"),
                   ("职责分工", "duties")],
                  no_doc("专门机构及其职责", "a dedicated body and its duties")),
    ]}


def section_suppliers(title=None, extra_items=(), extra_columns=()):
    items = [
        indicator("X21", "2.1", 4, t("绿色采购标准制度完善", "Green procurement standards and rules"),
                  t("绿色采购标准、制度完善。", "Green procurement standards and rules are complete."),
                  do_text("核对绿色采购标准和制度; 供应商名录 (2.6.1) 中绿色供应商的数量和采购额占比可作为执行情况的佐证。",
                          "Check the green procurement standards and rules; the shares of green "
                          "suppliers by count and by purchase amount in the supplier register "
                          "(2.6.1) show how they are applied."),
                  [("绿色采购标准及制度", "green procurement standards and rules"),
                   ("供应商名录", "supplier register")],
                  no_doc("绿色采购标准和制度", "green procurement standards and rules")),
        indicator("X22", "2.2", 3, t("供应商认证体系完善", "Supplier certification system"),
                  t("供应商认证体系完善。", "The supplier certification system is complete."),
                  do_text("核对供应商准入和认证的程序文件及执行记录。", "Check the procedures for approving "
                          "and certifying suppliers and the records of their use."),
                  [("供应商认证程序", "supplier certification procedure"), ("认证记录", "certification records")],
                  no_doc("供应商认证程序及其执行", "a supplier certification procedure and its use")),
        indicator("X23", "2.3", 3, t("对供应商定期审核", "Periodic supplier audits"),
                  t("对供应商定期审核。", "Suppliers are audited periodically."),
                  do_text("核对审核计划和审核记录; 名录中“本期已审核”一栏与审核记录一致。",
                          "Check the audit plan and audit records; the register's 'audited in the "
                          "period' column agrees with the records."),
                  [("供应商审核计划", "supplier audit plan"), ("审核记录", "audit records")],
                  no_doc("定期审核", "periodic audits")),
        indicator("X24", "2.4", 3, t("供应商绩效评估制度健全", "Supplier performance evaluation"),
                  t("建立健全供应商绩效评估制度。", "A supplier performance evaluation system is in place."),
                  do_text("核对供应商绩效评估制度和评估结果。", "Check the performance evaluation rules "
                          "and their results."),
                  [("供应商绩效评估制度", "performance evaluation rules"), ("评估结果", "evaluation results")],
                  no_doc("供应商绩效评估制度", "a supplier performance evaluation system")),
        indicator("X25", "2.5", 3, t("定期对供应商进行培训", "Regular supplier training"),
                  t("定期对供应商进行培训。", "Suppliers are trained regularly."),
                  do_text("核对培训计划、签到表和培训材料。", "Check training plans, attendance lists and "
                          "training material."),
                  [("培训计划", "training plan"), ("签到表", "attendance lists"), ("培训材料", "material")],
                  no_doc("定期培训", "regular training")),
        indicator("X26", "2.6", 4, t("低风险供应商占比", "Share of low-risk suppliers"),
                  t("低风险供应商占比 (%)。", "Share of low-risk suppliers (%)."),
                  do_text("在供应商名录 (2.6.1) 中为每家供应商填写风险等级; 低风险供应商占比 (2.6.5) 由名录计算。",
                          "Give every supplier its risk level in the supplier register (2.6.1); "
                          "the share of low-risk suppliers (2.6.5) is computed from it."),
                  [("供应商风险评估记录", "supplier risk assessments"), ("供应商名录", "supplier register")],
                  t("名录中供应商未评定风险等级, 或风险等级没有评估记录支持。",
                    "Suppliers without a risk level in the register, or risk levels without an "
                    "assessment record."), quantitative=True),
    ]
    items += register_items(extra_columns)
    items += list(extra_items)
    return {"id": "S2", "title": title or t("实施绿色供应商管理", "Green supplier management"),
            "clause": "X2", "points": 20, "items": items}


# Unscored switches are choices (a yes/no item or column is for scoring).
YES_NO = [{"id": "yes", "label": t("是", "Yes")}, {"id": "no", "label": t("否", "No")}]


def register_items(extra_columns=()):
    columns = [
        {"id": "sup_name", "kind": "text", "title": t("供应商名称", "Supplier"), "required": True},
        {"id": "sup_cat", "kind": "choice", "title": t("类别", "Category"), "options": [
            {"id": "material", "label": t("原材料", "Raw material")},
            {"id": "parts", "label": t("零部件", "Parts")},
            {"id": "packaging", "label": t("包装材料", "Packaging")},
            {"id": "logistics", "label": t("物流", "Logistics")},
            {"id": "service", "label": t("服务", "Services")},
            {"id": "other", "label": t("其他", "Other")}]},
        {"id": "sup_green", "kind": "choice", "title": t("绿色属性", "Green status"), "required": True,
         "options": [
            {"id": "factory", "label": t("绿色工厂", "Certified green factory")},
            {"id": "gscm", "label": t("绿色供应链管理企业", "Green supply chain enterprise")},
            {"id": "iso14001", "label": t("ISO 14001 认证", "ISO 14001 certified")},
            {"id": "other", "label": t("其他证据", "Other evidence")},
            {"id": "none", "label": t("无", "None")}]},
        {"id": "sup_evidence", "kind": "text", "title": t("证据编号", "Evidence reference")},
        {"id": "sup_amount", "kind": "number", "title": t("年采购额", "Annual purchases"),
         "unit": "万元", "min": 0, "required": True},
        {"id": "sup_risk", "kind": "choice", "title": t("风险等级", "Risk level"), "required": True,
         "options": [
            {"id": "low", "label": t("低风险", "Low")},
            {"id": "medium", "label": t("中风险", "Medium")},
            {"id": "high", "label": t("高风险", "High")},
            {"id": "unrated", "label": t("未评级", "Not rated")}]},
        {"id": "sup_audited", "kind": "choice", "title": t("本期已审核", "Audited in the period"),
         "options": YES_NO},
    ] + [copy.deepcopy(c) for c in extra_columns] + [
        {"id": "is_green", "kind": "computed", "title": t("绿色供应商", "Green supplier"),
         "value": "IF(sup_green = \"none\", 0, 1)"},
        {"id": "green_amount", "kind": "computed", "title": t("绿色采购额", "Green purchases"),
         "unit": "万元", "value": "is_green * sup_amount"},
        {"id": "green_no_evidence", "kind": "computed", "title": t("缺证据", "Evidence missing"),
         "value": "IF(AND(is_green = 1, ISBLANK(sup_evidence)), 1, 0)"},
        {"id": "is_rated", "kind": "computed", "title": t("已评级", "Rated"),
         "value": "IF(sup_risk = \"unrated\", 0, 1)"},
        {"id": "is_low", "kind": "computed", "title": t("低风险", "Low risk"),
         "value": "IF(sup_risk = \"low\", 1, 0)"},
        {"id": "is_hm", "kind": "computed", "title": t("中高风险", "Medium/high risk"),
         "value": "IF(OR(sup_risk = \"medium\", sup_risk = \"high\"), 1, 0)"},
        {"id": "hm_audited", "kind": "computed", "title": t("中高风险已审核", "Medium/high, audited"),
         "value": "IF(is_hm = 1, IF(IFBLANK(sup_audited, \"no\") = \"yes\", 1, 0), 0)"},
    ]
    reg_source = SRC_TABLE + "; " + t("名录栏目为本模板的约定", "register columns: template convention")["zh_CN"]
    share = lambda iid, clause, title, value, app, do, why: {
        "id": iid, "kind": "computed", "clause": clause, "title": title,
        "value": value, "unit": "%", "format": "0.0",
        "guidance": {"do": do, "source": t("本模板的计算式", "this template's formula")},
        "source": reg_source, "verified": False, "unverified_reason": why,
        "na_allowed": False,
    } if app is None else {
        "id": iid, "kind": "computed", "clause": clause, "title": title,
        "value": value, "unit": "%", "format": "0.0", "applicable": app,
        "guidance": {"do": do, "source": t("本模板的计算式", "this template's formula")},
        "source": reg_source, "verified": False, "unverified_reason": why,
        "na_allowed": False,
    }
    return [
        {"id": "suppliers", "kind": "table", "clause": "2.6.1",
         "title": t("供应商名录", "Supplier register"), "min_rows": 1,
         "requirement": t("列出报告期内的供应商、类别、绿色属性及其证据、年采购额、风险等级和审核情况。",
                          "List the suppliers of the period: category, green status and its "
                          "evidence, annual purchases, risk level and audit."),
         "guidance": {
             "do": t("每家供应商一行。绿色属性: 获评绿色工厂、绿色供应链管理企业, 通过 ISO 14001 认证, "
                     "或有其他证据 (如环境标志产品认证); 在“证据编号”中填写证书编号或文件编号。"
                     "风险等级按企业的供应商风险评估填写, 尚未评估的填“未评级”。",
                     "One row per supplier. Green status: listed green factory or GSCM "
                     "enterprise, ISO 14001 certified, or other evidence (e.g. an eco-label "
                     "certificate); give the certificate or document number as the evidence "
                     "reference. The risk level is the one of the enterprise's supplier risk "
                     "assessment; 'not rated' where none was made."),
             "evidence": t("证书复印件、绿色制造名单截图、采购台账", "certificate copies, screenshots of "
                           "the green-manufacturing lists, purchase ledgers"),
             "failures": t("标为绿色供应商却没有证据编号; 采购额与采购台账不一致。",
                           "Green suppliers without an evidence reference; purchase amounts that "
                           "do not match the purchase ledger."),
             "source": t("本模板的约定", "this template's convention")},
         "source": reg_source, "verified": False, "unverified_reason": WHY_REGISTER,
         "columns": columns},
        share("green_share_count", "2.6.2", t("绿色供应商占比 (按数量)", "Green suppliers, share by count"),
              "SUM(suppliers.is_green) / COUNTA(suppliers.sup_name) * 100", None,
              t("绿色供应商家数 ÷ 名录中的供应商家数 × 100%。", "Green suppliers ÷ suppliers in the "
                "register × 100 %."), WHY_REGISTER),
        share("green_share_amount", "2.6.3",
              t("绿色供应商占比 (按采购额)", "Green suppliers, share by purchase amount"),
              "SUM(suppliers.green_amount) / SUM(suppliers.sup_amount) * 100",
              "OR(COUNTA(suppliers.sup_name) = 0, SUM(suppliers.sup_amount) > 0)",
              t("绿色供应商的年采购额 ÷ 全部年采购额 × 100%。", "Purchases from green suppliers ÷ all "
                "purchases × 100 %."), WHY_REGISTER),
        {"id": "green_no_evidence_n", "kind": "computed", "clause": "2.6.4",
         "title": t("无证据编号的绿色供应商", "Green suppliers without evidence"),
         "value": "SUM(suppliers.green_no_evidence)", "format": "0",
         "guidance": {"do": t("应为 0: 每家绿色供应商都应有证据编号。", "Should be 0: every green "
                             "supplier needs an evidence reference."),
                      "source": t("本模板的约定", "this template's convention")},
         "source": reg_source, "verified": False, "unverified_reason": WHY_REGISTER,
         "na_allowed": False},
        share("low_risk_share", "2.6.5", t("低风险供应商占比 (名录计算)", "Share of low-risk suppliers, from the register"),
              "SUM(suppliers.is_low) / SUM(suppliers.is_rated) * 100",
              "OR(COUNTA(suppliers.sup_name) = 0, SUM(suppliers.is_rated) > 0)",
              t("低风险供应商家数 ÷ 已评定风险等级的供应商家数 × 100% (X26)。",
                "Low-risk suppliers ÷ suppliers with a risk level × 100 % (X26)."), WHY_FORMULA),
        share("hm_audit_rate", "2.6.6", t("中、高风险供应商审核率", "Audit rate of medium/high-risk suppliers"),
              "SUM(suppliers.hm_audited) / SUM(suppliers.is_hm) * 100",
              "OR(COUNTA(suppliers.sup_name) = 0, SUM(suppliers.is_hm) > 0)",
              t("本期已审核的中、高风险供应商 ÷ 中、高风险供应商 × 100% (X62 披露内容); 没有中、高风险供应商时不适用。",
                "Medium/high-risk suppliers audited in the period ÷ all medium/high-risk "
                "suppliers × 100 % (disclosed under X62); not applicable without such suppliers."),
              WHY_FORMULA),
    ]


def section_production(title=None, extra_items=()):
    return {"id": "S3", "title": title or t("绿色生产", "Green production"), "clause": "X3",
            "points": 20, "items": [
        indicator("X31", "3.1", 10, t("节能减排环保合规", "Energy saving, emissions, environmental compliance"),
                  t("节能减排和环境保护合规。", "Energy saving, emission reduction and environmental "
                    "protection comply with the rules."),
                  do_text("核对节能减排目标完成情况、排污许可及监测报告、环保处罚记录。",
                          "Check the energy-saving targets met, the discharge permit and monitoring "
                          "reports, and any environmental penalty."),
                  [("排污许可证", "discharge permit"), ("监测报告", "monitoring reports"),
                   ("节能目标考核结果", "energy-saving target results")],
                  t("监测超标或有环保处罚记录, 或缺少监测报告。", "Exceeded limits or an environmental "
                    "penalty, or no monitoring report.")),
        indicator("X32", "3.2", 10, t("符合有害物质限制使用管理办法", "Hazardous-substance restriction rules met"),
                  t("产品符合有害物质限制使用管理办法。", "The products comply with the rules that "
                    "restrict hazardous substances."),
                  do_text("核对产品有害物质检测报告和符合性声明。", "Check the products' hazardous-"
                          "substance test reports and declarations of conformity."),
                  [("有害物质检测报告", "hazardous-substance test reports"), ("符合性声明", "declarations")],
                  no_doc("产品符合有害物质限制要求", "compliance with the hazardous-substance rules")),
    ] + list(extra_items)}


def rate_items(code, clause, what_zh, what_en, num_zh, num_en, den_zh, den_en):
    src = SRC_TABLE + "; " + t("分子、分母和计算式为本模板的约定", "numerator, denominator and formula: "
                               "template convention")["zh_CN"]
    base = {"source": src, "verified": False, "unverified_reason": WHY_FORMULA}
    return [
        dict(base, id=code + "_num", kind="number", clause=clause + ".1", min=0,
             title=t(num_zh, num_en),
             guidance={"do": t("与分母采用同一计量口径 (件数或吨), 在“统计口径”中注明。",
                               "Use the same measure as the denominator (pieces or tonnes) and say "
                               "which in 'Basis'."),
                       "source": t("本模板的约定", "this template's convention")}),
        dict(base, id=code + "_den", kind="number", clause=clause + ".2", min=0,
             title=t(den_zh, den_en)),
        dict(base, id=code + "_basis", kind="text", clause=clause + ".3",
             title=t(what_zh + "统计口径", "Basis of the " + what_en)),
        dict(base, id=code + "_rate", kind="computed", clause=clause + ".4", unit="%", format="0.0",
             na_allowed=False, title=t(what_zh + " (计算值)", what_en.capitalize() + ", computed"),
             value="%s_num / %s_den * 100" % (code, code),
             guidance={"do": t("%s ÷ %s × 100%%。" % (num_zh, den_zh), "%s ÷ %s × 100 %%." % (num_en, den_en)),
                       "source": t("本模板的计算式", "this template's formula")}),
    ]


def section_recycling(title=None, extra_items=()):
    items = [
        indicator("X41", "4.1", 5, t("产品回收率", "Product recovery rate"),
                  t("产品回收率 (%)。", "Product recovery rate (%)."),
                  do_text("填写回收的产品量和销售的产品量 (4.1.1、4.1.2), 回收率由此计算。",
                          "Enter the products recovered and sold (4.1.1, 4.1.2); the rate is "
                          "computed from them."),
                  [("回收台账", "recovery ledger"), ("销售台账", "sales ledger")],
                  t("回收量没有台账支持, 或分子、分母口径不一致。", "Recovered quantities without a ledger, "
                    "or numerator and denominator on different bases."), quantitative=True),
    ] + rate_items("X41", "4.1", "产品回收率", "product recovery rate", "回收的产品量", "Products recovered",
                   "销售的产品量", "Products sold") + [
        indicator("X42", "4.2", 5, t("包装回收率", "Packaging recovery rate"),
                  t("包装回收率 (%)。", "Packaging recovery rate (%)."),
                  do_text("填写回收的包装量和投放市场的包装量 (4.2.1、4.2.2), 回收率由此计算。",
                          "Enter the packaging recovered and put on the market (4.2.1, 4.2.2); the "
                          "rate is computed from them."),
                  [("包装回收台账", "packaging recovery ledger"), ("包装用量台账", "packaging ledger")],
                  t("回收量没有台账支持, 或分子、分母口径不一致。", "Recovered quantities without a ledger, "
                    "or numerator and denominator on different bases."), quantitative=True),
    ] + rate_items("X42", "4.2", "包装回收率", "packaging recovery rate", "回收的包装量", "Packaging recovered",
                   "投放市场的包装量", "Packaging put on the market") + [
        indicator("X43", "4.3", 5, t("回收体系完善", "Recovery system"),
                  t("回收体系完善 (含自建、与第三方联合回收)。", "A complete recovery system (own, or "
                    "jointly with third parties)."),
                  do_text("核对自建回收网点或与第三方的回收协议及运行记录。", "Check own collection points "
                          "or agreements with third parties and their records."),
                  [("回收协议", "recovery agreements"), ("回收网点清单", "collection points")],
                  no_doc("回收体系及其运行", "a recovery system and its operation")),
        indicator("X44", "4.4", 5, t("指导下游企业回收拆解", "Guidance of downstream recovery and dismantling"),
                  t("指导下游企业回收拆解。", "Downstream firms are guided on recovery and dismantling."),
                  do_text("核对拆解指导手册、培训或技术交流记录。", "Check dismantling guides and training "
                          "or exchange records."),
                  [("拆解指导手册", "dismantling guide"), ("培训记录", "training records")],
                  no_doc("对下游企业的回收拆解指导", "guidance given to downstream firms")),
    ] + list(extra_items)
    return {"id": "S4", "title": title or t("绿色回收", "Green recycling"), "clause": "X4",
            "points": 20, "items": items}


def section_platform(title=None):
    return {"id": "S5", "title": title or t("绿色信息平台建设", "Information platform"), "clause": "X5",
            "points": 10, "items": [
        indicator("X51", "5.1", 10, t("绿色供应链管理信息平台完善", "GSCM information platform"),
                  t("绿色供应链管理信息平台完善。", "The GSCM information platform is complete."),
                  do_text("核对平台的功能 (供应商、物料、能耗和排放数据等) 和运行截图。",
                          "Check the platform's functions (supplier, material, energy and "
                          "emission data) and screenshots of it in use."),
                  [("平台功能说明", "platform description"), ("运行截图", "screenshots")],
                  no_doc("运行中的信息平台", "a platform in use")),
    ]}


def section_disclosure(title=None):
    d = lambda code, clause, title, req, ev_zh, ev_en: indicator(
        code, clause, 2.5, title, req,
        do_text("核对公开披露的渠道 (官网、报告) 和内容。", "Check where (website, reports) and what "
                "is disclosed."),
        [(ev_zh, ev_en), ("披露页面截图", "screenshots of the disclosure")],
        no_doc("公开披露", "public disclosure"))
    return {"id": "S6", "title": title or t("绿色信息披露", "Disclosure"), "clause": "X6",
            "points": 10, "items": [
        d("X61", "6.1", t("披露企业节能减排减碳信息", "Disclosure of own energy, emission and carbon data"),
          t("披露企业节能减排减碳信息。", "The enterprise's own energy-saving, emission and carbon data "
            "are disclosed."), "节能减排减碳信息", "energy, emission and carbon data"),
        d("X62", "6.2", t("披露高、中风险供应商审核率及低风险供应商占比",
                          "Disclosure of supplier audit rate and low-risk share"),
          t("披露高、中风险供应商审核率及低风险供应商占比 (名录计算见 2.6.5、2.6.6)。",
            "The audit rate of high/medium-risk suppliers and the share of low-risk suppliers are "
            "disclosed (computed from the register in 2.6.5, 2.6.6)."),
          "审核率及占比的披露", "disclosed audit rate and share"),
        d("X63", "6.3", t("披露供应商节能减排信息", "Disclosure of suppliers' energy and emission data"),
          t("披露供应商节能减排信息。", "The suppliers' energy-saving and emission data are disclosed."),
          "供应商节能减排信息", "supplier energy and emission data"),
        d("X64", "6.4", t("发布企业社会责任报告 (含绿色采购信息)", "CSR report with green procurement"),
          t("发布企业社会责任报告, 含绿色采购信息。", "A corporate social responsibility report that "
            "includes green procurement is published."),
          "企业社会责任报告", "CSR report"),
    ]}


def outputs(index_id, index_title, index_desc):
    return [
        {"id": index_id, "title": index_title, "format": "0.0",
         "value": "S1 + S2 + S3 + S4 + S5 + S6", "description": index_desc},
        {"id": "out_green_count", "title": t("绿色供应商占比 (按数量)", "Green suppliers by count"),
         "unit": "%", "format": "0.0", "value": "green_share_count"},
        {"id": "out_green_amount", "title": t("绿色供应商占比 (按采购额)", "Green suppliers by purchases"),
         "unit": "%", "format": "0.0", "value": "green_share_amount"},
        {"id": "out_low_risk", "title": t("低风险供应商占比", "Low-risk suppliers"),
         "unit": "%", "format": "0.0", "value": "low_risk_share"},
        {"id": "out_hm_audit", "title": t("中、高风险供应商审核率", "Medium/high-risk suppliers audited"),
         "unit": "%", "format": "0.0", "value": "hm_audit_rate"},
    ]


GSCI_DESC = t("各项得分之和 (0–100)。评价要求以 GSCI 汇总各指标得分; 公式本身 (原文为图片) 未能取得, "
              "因各项满分合计为 100, 按得分之和计算, 未确认。",
              "The sum of the item scores (0–100). The requirements aggregate the indicator scores "
              "as GSCI; the formula itself (an image in the source) was not retrievable, and as the "
              "maximum points add up to 100 the sum is used: not confirmed.")


def base(tid, title, description, source, reason):
    return {
        "format": 1, "id": tid, "version": "1.0.0", "kind": "supply-chain",
        "title": title, "description": description,
        "standard": {"code": "工信部 绿色供应链管理评价要求", "title": "绿色供应链管理评价要求"},
        "source": source, "verified": False, "unverified_reason": reason,
        "scoring": {"scheme": "points", "max": 100, "na_policy": "exclude"},
    }


# ---------------------------------------------------------------- the templates

def generic():
    tmpl = base(
        "gscm-miit-generic",
        t("绿色供应链管理企业评价 (通用评价要求)", "Green supply chain management enterprise (generic requirements)"),
        t("工业和信息化部《绿色供应链管理评价要求》的自评价表: 基本要求 (一票否决) 和六个一级指标的 20 项二级指标 "
          "X11–X64, 满分 100 (战略 20、供应商 20、生产 20、回收 20、信息平台 10、信息披露 10)。各项得分由评价人在"
          "满分以内填写 (部分得分规则未找到)。供应商名录计算绿色供应商、低风险供应商占比和审核率。适用于汽车、机械、"
          "电子电器以外的行业。2025年国家批次未组织绿色供应链管理企业申报, 本模板可用于省级名单。",
          "Self-evaluation of MIIT's generic green supply chain requirements: basic requirements "
          "(veto) and the 20 indicators X11–X64 of six categories, 100 points (strategy 20, "
          "suppliers 20, production 20, recycling 20, platform 10, disclosure 10). The assessor "
          "enters each item's points up to its maximum (no partial-credit rule was found). A "
          "supplier register computes the shares of green and low-risk suppliers and the audit "
          "rate. For industries other than automotive, machinery and electronics. The 2025 "
          "national round did not include GSCM enterprises; provincial lists still use it."),
        SRC_TABLE + "; " + SRC_BR + "; " + SRC_APPLY,
        ("未能与正式文本核对: 指标表和基本要求取自文档分享网站的镜像, 基本要求在第4条处截断; 项内部分得分规则和 GSCI "
         "公式未找到; 供应商名录及其计算式是本模板的约定。 / Not checked against the official text: the "
         "indicator table and the basic requirements come from mirrors on document-sharing sites, "
         "the basic requirements break off in item 4; the partial-credit rule and the GSCI "
         "formula were not found; the supplier register and its formulas are this template's "
         "convention."))
    tmpl["sections"] = [basic_requirements(), section_strategy(), section_suppliers(),
                        section_production(), section_recycling(), section_platform(),
                        section_disclosure()]
    tmpl["outputs"] = outputs("gscm_index", t("绿色供应链管理指数 GSCI", "GSCM index GSCI"), GSCI_DESC)
    return tmpl


def stand_in(tid, zh, en, extra_source, why_zh, why_en):
    """An industry system whose own indicators were not retrievable: the
    generic indicators and points stand in for them, flagged everywhere."""
    tmpl = generic()
    tmpl["id"] = tid
    tmpl["standard"] = {"code": "工信部 %s绿色供应链管理企业评价指标体系" % zh,
                        "title": "%s绿色供应链管理企业评价指标体系" % zh}
    tmpl["title"] = t("%s绿色供应链管理企业评价 (行业指标未核对, 暂按通用指标)" % zh,
                      "%s GSCM enterprise (industry indicators not verified; generic ones used)" % en)
    tmpl["description"] = t(
        "%s企业按工业和信息化部的%s行业绿色供应链管理企业评价指标体系评价。%s本模板暂用通用评价要求的基本要求、"
        "20 项指标和分值, 申报前须对照行业指标体系核对。" % (zh, zh, why_zh),
        "%s makers are evaluated against MIIT's %s GSCM system. %s This template uses the "
        "generic requirements' basic requirements, 20 indicators and points instead; check them "
        "against the industry system before filing." % (en, en.lower(), why_en))
    tmpl["source"] = SRC_APPLY + "; " + extra_source + "; " + SRC_TABLE + "; " + SRC_BR
    why = ("%s本模板的指标和分值取自通用评价要求, 未与行业体系核对。 / %s The indicators and points are "
           "those of the generic requirements, not checked against the industry system." % (why_zh, why_en))
    tmpl["unverified_reason"] = why
    for section in tmpl["sections"]:
        for item in section["items"]:
            if item.get("kind") == "points":
                item["unverified_reason"] = why + " " + WHY_TABLE
    return tmpl


def machinery():
    return stand_in(
        "gscm-miit-machinery", "机械行业", "Machinery",
        "《机械行业绿色供应链管理企业评价指标体系》列于省级附件3 " + URL_S2,
        "该体系列于评价标准清单, 但其指标和分值未能取得。",
        "The system is on the list of evaluation standards, but its indicators and points were "
        "not retrievable.")


def automotive():
    return stand_in(
        "gscm-miit-automotive", "汽车行业", "Automotive",
        "《汽车行业绿色供应链管理企业评价指标体系》2018年11月公开征求意见, 据报道 " + URL_S5,
        "该体系于2018年11月公开征求意见, 其指标和分值未能取得。",
        "A draft was published for comment in November 2018; its indicators and points were "
        "not retrievable.")


WHY_EE = ("电子电器行业体系的分值未能取得: 本模板按通用评价要求的 20 项指标和分值计分; 行业增加的指标 "
          "(绿色设计、绿色包装、运输与物流、签订绿色协议的供应商占比) 只来自第三方代码, 作为不计分的记录项。 / "
          "The electronics system's points were not retrievable: this template scores the generic 20 "
          "indicators and points; the items the industry adds (green design, packaging, transport "
          "and logistics, suppliers with a green agreement) come only from third-party code and "
          "are recorded, not scored.")


def ee_record(iid, clause, title, req, do_zh, do_en):
    return {"id": iid, "kind": "compliance", "clause": clause, "title": title, "requirement": req,
            "guidance": {"do": t(do_zh + " 本项只作记录, 不计分 (分值未能取得)。",
                                 do_en + " Recorded, not scored (the points were not retrievable)."),
                         "source": t("电子电器行业体系结构 (第三方代码)", "electronics system structure "
                                     "(third-party code)")},
            "source": SRC_EE_STRUCT, "verified": False, "unverified_reason": WHY_EE}


def electronics():
    tmpl = generic()
    tmpl["id"] = "gscm-miit-electronics"
    tmpl["standard"] = {"code": "工信部 电子电器行业绿色供应链管理企业评价指标体系",
                        "title": "电子电器行业绿色供应链管理企业评价指标体系"}
    tmpl["title"] = t("电子电器行业绿色供应链管理企业评价 (EGSCI 星级)",
                      "Electronics GSCM enterprise (EGSCI stars)")
    tmpl["description"] = t(
        "工业和信息化部电子电器行业绿色供应链管理企业评价指标体系的自评价表: EGSCI 按星级分档 (≥85 五星级, "
        "80–85 四星级, 75–80 三星级, 70–75 二星级, <70 一星级, 下限含等于)。行业体系的分值未能取得, 按通用评价要求的 "
        "20 项指标和分值计分; 行业增加的绿色设计、绿色包装、运输与物流和签订绿色协议的供应商占比作为记录项。",
        "Self-evaluation of MIIT's electronics GSCM system: EGSCI in star bands (≥85 five "
        "stars, 80–85 four, 75–80 three, 70–75 two, <70 one; lower bounds inclusive). The "
        "industry system's points were not retrievable, so the generic 20 indicators and points "
        "are scored; the industry's green design, green packaging, transport and logistics and "
        "the share of suppliers with a green agreement are recorded.")
    tmpl["source"] = SRC_EE + "; " + SRC_EE_STRUCT + "; " + SRC_APPLY + "; " + SRC_TABLE + "; " + SRC_BR
    tmpl["unverified_reason"] = (
        "星级分档的边界措辞在报道中有乱码, 下限按含等于处理; " + WHY_EE.split(" / ")[0] +
        " / The wording of the band boundaries is garbled in the report, lower bounds are taken "
        "as inclusive; " + WHY_EE.split(" / ")[1])
    stars = [("5", 85, "五星级", "Five stars"), ("4", 80, "四星级", "Four stars"),
             ("3", 75, "三星级", "Three stars"), ("2", 70, "二星级", "Two stars"),
             ("1", 0, "一星级", "One star")]
    tmpl["scoring"]["grades"] = [{"id": i, "min": m, "label": t(zh, en)} for i, m, zh, en in stars]
    agreement = {"id": "sup_agreement", "kind": "choice", "options": YES_NO,
                 "title": t("已签订绿色协议", "Green agreement signed")}
    agreed = {"id": "agreed", "kind": "computed", "title": t("签订协议", "Agreement"),
              "value": "IF(IFBLANK(sup_agreement, \"no\") = \"yes\", 1, 0)"}
    secs = tmpl["sections"]
    secs[1] = section_strategy(t("绿色供应链管理战略及规划", "GSCM strategy and planning"))
    secs[1]["items"] += [
        ee_record("E11a", "1.1.1", t("绿色设计体系", "Green design system"),
                  t("纳入企业发展规划的绿色设计体系。", "A green design system in the development plan."),
                  "核对绿色设计管理制度和设计评审记录。", "Check the green design rules and design reviews."),
        ee_record("E11b", "1.1.2", t("绿色设计工具软件", "Green design software tools"),
                  t("使用绿色设计工具软件。", "Green design software tools are used."),
                  "核对软件许可和使用记录。", "Check the licences and records of use."),
    ]
    secs[2] = section_suppliers(t("绿色供应商管理", "Green supplier management"),
                                extra_columns=[agreement])
    for col in secs[2]["items"]:
        if col["id"] == "suppliers":
            # The agreement column comes before the computed ones.
            col["columns"].append(agreed)
            col["source"] = SRC_EE_STRUCT + "; " + col["source"]
    secs[2]["items"].append({
        "id": "agreement_share", "kind": "computed", "clause": "2.7",
        "title": t("签订绿色协议的供应商占比", "Suppliers with a green agreement"),
        "value": "SUM(suppliers.agreed) / COUNTA(suppliers.sup_name) * 100", "unit": "%",
        "format": "0.0", "na_allowed": False,
        "guidance": {"do": t("签订绿色协议的供应商家数 ÷ 名录中的供应商家数 × 100%。记录项, 不计分。",
                             "Suppliers with a green agreement ÷ suppliers in the register × 100 %. "
                             "Recorded, not scored."),
                     "source": t("电子电器行业体系结构 (第三方代码); 计算式为本模板的约定",
                                 "electronics system structure (third-party code); formula: template "
                                 "convention")},
        "source": SRC_EE_STRUCT, "verified": False, "unverified_reason": WHY_EE})
    secs[3] = section_production(extra_items=[
        dict(ee_record("E33a", "3.3.1", t("绿色包装率", "Green packaging rate"),
                       t("绿色包装率 (%)。", "Green packaging rate (%)."),
                       "绿色包装用量 ÷ 包装总用量 × 100%。", "Green packaging ÷ all packaging × 100 %."),
             kind="number", unit="%", min=0, max=100),
        ee_record("E33b", "3.3.2", t("绿色包装规范", "Green packaging rules"),
                  t("制定并执行绿色包装规范。", "Green packaging rules are set and applied."),
                  "核对包装规范及执行记录。", "Check the packaging rules and their use."),
    ])
    secs[4] = section_recycling(t("绿色运输与回收", "Green transport and recycling"), extra_items=[
        ee_record("E45", "4.5", t("运输与物流", "Transport and logistics"),
                  t("运输与物流环节的绿色管理。", "Green management of transport and logistics."),
                  "核对物流商选择要求和运输方式记录。", "Check the logistics providers' requirements and "
                  "the transport records."),
    ])
    tmpl["outputs"] = outputs("gscm_index", t("电子电器行业绿色供应链管理指数 EGSCI", "Electronics GSCM index EGSCI"),
                              GSCI_DESC)
    tmpl["outputs"].append({"id": "out_agreement", "title": t("签订绿色协议的供应商占比",
                                                              "Suppliers with a green agreement"),
                            "unit": "%", "format": "0.0", "value": "agreement_share"})
    return tmpl


def main():
    for tmpl in (generic(), machinery(), automotive(), electronics()):
        path = os.path.join(OUT, tmpl["id"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(tmpl, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(path)


if __name__ == "__main__":
    main()
