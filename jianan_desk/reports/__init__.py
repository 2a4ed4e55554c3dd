"""PDF reports (报表) with reportlab: layout, fonts, one module per report. No Qt.

- ``period``: periods, report options and ``ReportError`` (no reportlab: cheap to import);
- ``service``: ``make_report(session, request)``, the one entry point of the CLI and the GUI;
- ``fonts``: GB/T 9704 roles (小标宋, 仿宋, 黑体, 楷体) → system or bundled TrueType files;
- ``layout``: page, header block, footer (第X页 共Y页), tables, number formats, masking;
- ``signing`` (签约项目汇总), ``targets`` (年度目标进展), ``trip`` (外出招商报告).
"""
