@echo off
rem Double-click: check every file in data/ and list the problems.
rem See guide\ (the editing guide). Kept ASCII on purpose: see scripts\windows\launch.cmd.
call "%~dp0scripts\windows\launch.cmd" check
