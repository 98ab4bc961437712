# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ACL matrix rows of xingji_reports' models; same shape as
``xingji_linkage/tests/security_matrix.py``, merged into its matrix test."""

MATRIX = {}
