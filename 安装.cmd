@echo off
rem Double-click once: install the site's programs into .venv (needs Python 3.11).
rem See guide\ (the editing guide). Kept ASCII on purpose: see scripts\windows\launch.cmd.
call "%~dp0scripts\windows\launch.cmd" install
