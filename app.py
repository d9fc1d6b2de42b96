"""jixiao Streamlit app: a reviewer's workbench over parsed, scored 绩效目标 indicators.

Run: ``streamlit run app.py``. A thin shell: inputs are ``indicators.inputs``, parsing and scoring
``indicators.quality.analyze``, every table and label ``indicators.workbench`` / ``indicators.report``;
``app_pages/`` only lays them out (``state.py`` keeps choices across reruns and in the URL).
"""
from app_pages import main

main()
